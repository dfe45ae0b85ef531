package io.github.oauthclient.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A plain HTTP server on a random loopback port that records every request (method, path, query, headers, body) and
 * answers each with what its {@link Responder} says. Exists for tests about what reaches a host that is not a
 * configured resource (redirect targets): it knows nothing about OAuth and accepts everything.
 */
public final class RecordingServer implements AutoCloseable {

	private final HttpServer server;

	private final ExecutorService executor;

	private final List<RecordedRequest> requests = Collections.synchronizedList(new ArrayList<>());

	private volatile Responder responder = (request, sequence) -> Reply.json(200, "{\"ok\":true}");

	private RecordingServer(HttpServer server, ExecutorService executor) {
		this.server = server;
		this.executor = executor;
	}

	/** Starts a server on {@code 127.0.0.1} and a free port. */
	public static RecordingServer start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
			ExecutorService executor = Executors.newCachedThreadPool((runnable) -> {
				Thread thread = new Thread(runnable, "recording-server");
				thread.setDaemon(true);
				return thread;
			});
			RecordingServer recording = new RecordingServer(server, executor);
			server.setExecutor(executor);
			server.createContext("/", recording::handle);
			server.start();
			return recording;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** How every request is answered from now on (default: 200 with a small JSON body). */
	public RecordingServer answer(Responder responder) {
		this.responder = responder;
		return this;
	}

	/** {@code http://127.0.0.1:<port>}. */
	public String baseUrl() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	/** Every request received so far. */
	public List<RecordedRequest> requests() {
		synchronized (requests) {
			return List.copyOf(requests);
		}
	}

	/** Forgets the requests received so far. */
	public void clear() {
		requests.clear();
	}

	@Override
	public void close() {
		server.stop(0);
		executor.shutdownNow();
	}

	private void handle(HttpExchange exchange) throws IOException {
		Map<String, List<String>> headers = new TreeMap<>();
		exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT),
				List.copyOf(values)));
		String body;
		try (InputStream in = exchange.getRequestBody()) {
			body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		RecordedRequest request = new RecordedRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
				exchange.getRequestURI().getRawQuery(), Map.copyOf(headers), body);
		requests.add(request);
		Reply reply = responder.reply(request, requests.size());
		byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
		reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
		exchange.sendResponseHeaders(reply.status(), (bytes.length == 0) ? -1 : bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}
}
