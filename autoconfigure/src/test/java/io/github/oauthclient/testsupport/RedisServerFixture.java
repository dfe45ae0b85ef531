package io.github.oauthclient.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;

/**
 * A real Redis for tests: Debian's {@code redis-server}, started by the test as its own process on a free loopback
 * port, without persistence ({@code --save "" --appendonly no}), and stopped at the end. It can be stopped and
 * started again on the same port mid-test, and read with a plain connection of its own (Lettuce, not the code under
 * test) to check keys, values and TTLs in Redis itself.
 *
 * <p>Exists because a shared token cache must be tested against the real thing, with no system service involved.
 * Without {@code redis-server} the tests are skipped, except in CI ({@code CI=true}), where they fail: CI must
 * install the package ({@code apt-get install -y redis-server}).
 */
public final class RedisServerFixture implements AutoCloseable {

	private static final List<String> CANDIDATES = List.of("/usr/bin/redis-server", "/usr/local/bin/redis-server");

	private final String executable;

	private final int port;

	private final Path log;

	private Process process;

	private RedisClient client;

	private StatefulRedisConnection<byte[], byte[]> connection;

	private RedisServerFixture(String executable, int port) {
		this.executable = executable;
		this.port = port;
		try {
			this.log = Files.createTempFile("redis-server-" + port, ".log");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Starts {@code redis-server} on a free loopback port; skips the calling test when it is not installed, or fails
	 * it when {@code CI=true}.
	 */
	public static RedisServerFixture start() {
		String executable = CANDIDATES.stream().filter((path) -> new File(path).canExecute()).findFirst().orElse(null);
		if (executable == null) {
			String message = "redis-server is not installed (looked for " + CANDIDATES
					+ "); install it with: apt-get install -y redis-server";
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				throw new IllegalStateException(message);
			}
			Assumptions.abort(message);
		}
		RedisServerFixture fixture = new RedisServerFixture(executable, freePort());
		fixture.startProcess();
		return fixture;
	}

	/** The port Redis listens on (on 127.0.0.1). */
	public int port() {
		return port;
	}

	/** Whether the server process is running. */
	public boolean isRunning() {
		return process != null && process.isAlive();
	}

	/** Stops the server (SIGTERM, then waits); its data is gone. */
	public void stop() {
		closeClient();
		if (process != null) {
			if (process.isAlive()) {
				thaw();
			}
			process.destroy();
			try {
				if (!process.waitFor(10, TimeUnit.SECONDS)) {
					process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			process = null;
		}
	}

	/** Freezes the server (SIGSTOP): connections stay open, commands get no answer, as with a hung Redis. */
	public void freeze() {
		signal("STOP");
	}

	/** Lets a {@linkplain #freeze() frozen} server go on (SIGCONT): it works off what was sent meanwhile. */
	public void thaw() {
		signal("CONT");
	}

	/** Starts the server again on the same port, empty. */
	public void restart() {
		stop();
		startProcess();
	}

	/** A plain connection to this Redis (keys and values as bytes), for looking at what the code under test stored. */
	public RedisCommands<byte[], byte[]> raw() {
		if (connection == null) {
			client = RedisClient.create(RedisURI.create("127.0.0.1", port));
			connection = client.connect(ByteArrayCodec.INSTANCE);
		}
		return connection.sync();
	}

	/** The keys matching a glob pattern, as text. */
	public List<String> keys(String pattern) {
		return raw().keys(pattern.getBytes(StandardCharsets.UTF_8)).stream()
			.map((key) -> new String(key, StandardCharsets.UTF_8))
			.sorted()
			.toList();
	}

	/** The value of a key (null when absent). */
	public byte[] get(String key) {
		return raw().get(key.getBytes(StandardCharsets.UTF_8));
	}

	/** The remaining time to live of a key in milliseconds (Redis {@code PTTL}: -2 absent, -1 no expiry). */
	public long pttl(String key) {
		return raw().pttl(key.getBytes(StandardCharsets.UTF_8));
	}

	/** Deletes every key. */
	public void flushAll() {
		raw().flushall();
	}

	@Override
	public void close() {
		stop();
	}

	private void startProcess() {
		ProcessBuilder builder = new ProcessBuilder(executable, "--port", Integer.toString(port), "--bind",
				"127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no")
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		try {
			process = builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not start " + executable, ex);
		}
		long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		while (!ping()) {
			if (!process.isAlive() || System.nanoTime() - deadline > 0) {
				String output = readLog();
				stop();
				throw new IllegalStateException("redis-server did not start on port " + port + ":\n" + output);
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

	private void signal(String name) {
		try {
			Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
			if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
				throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private boolean ping() {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
			socket.setSoTimeout(1000);
			OutputStream out = socket.getOutputStream();
			out.write("*1\r\n$4\r\nPING\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			byte[] reply = in.readNBytes(7);
			return new String(reply, StandardCharsets.US_ASCII).equals("+PONG\r\n");
		}
		catch (IOException ex) {
			return false;
		}
	}

	private String readLog() {
		try {
			return Files.readString(log);
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	private void closeClient() {
		if (connection != null) {
			connection.close();
			connection = null;
		}
		if (client != null) {
			client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
			client = null;
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
