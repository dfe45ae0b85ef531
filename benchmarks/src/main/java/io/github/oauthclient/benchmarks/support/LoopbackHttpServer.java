package io.github.oauthclient.benchmarks.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * A JDK {@link HttpServer} on a random loopback port, tuned so the server is never the bottleneck being measured:
 * {@code TCP_NODELAY} on (otherwise Nagle plus delayed ACKs add 40 ms to small keep-alive responses), a backlog
 * large enough for 200 simultaneous connects, and a cached pool of daemon threads so slow handlers (a token
 * endpoint that waits 200 ms) serve every caller at once instead of queueing them.
 */
public final class LoopbackHttpServer implements AutoCloseable {

	static {
		// read once, when the JDK's server configuration class loads: must be set before the first server starts
		System.setProperty("sun.net.httpserver.nodelay", "true");
	}

	private final HttpServer server;

	private final ExecutorService executor;

	public LoopbackHttpServer(String name, String path, HttpHandler handler) {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the " + name + " on loopback", ex);
		}
		this.executor = Executors.newCachedThreadPool(daemonThreads(name));
		this.server.setExecutor(this.executor);
		this.server.createContext(path, handler);
		this.server.start();
	}

	/** {@code http://127.0.0.1:<port><path>}. */
	public URI uri(String path) {
		InetSocketAddress address = this.server.getAddress();
		return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort() + path);
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	private static ThreadFactory daemonThreads(String name) {
		AtomicInteger count = new AtomicInteger();
		return (runnable) -> {
			Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

}
