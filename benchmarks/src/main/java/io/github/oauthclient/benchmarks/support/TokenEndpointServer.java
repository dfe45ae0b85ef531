package io.github.oauthclient.benchmarks.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;

/**
 * A client-credentials token endpoint on loopback that answers every {@code grant_type=client_credentials} POST
 * with a new bearer token after a configurable delay, and counts what it received: total requests, the most in
 * flight at once, and when each arrived. It is what the stampede and renewal measurements count against; it
 * checks no credentials, because neither library's cost of being authenticated is what is measured.
 */
public final class TokenEndpointServer implements AutoCloseable {

	/** Path of the endpoint on the server. */
	public static final String PATH = "/oauth2/token";

	private final LoopbackHttpServer server;

	private final Duration delay;

	private final long lifetimeSeconds;

	private final AtomicInteger requests = new AtomicInteger();

	private final AtomicInteger inFlight = new AtomicInteger();

	private final AtomicInteger maxInFlight = new AtomicInteger();

	private final List<Long> arrivalNanos = new ArrayList<>();

	/**
	 * @param delay how long the endpoint takes before it answers (a real authorization server on a network)
	 * @param lifetimeSeconds the {@code expires_in} of every token it issues
	 */
	public TokenEndpointServer(Duration delay, long lifetimeSeconds) {
		this.delay = delay;
		this.lifetimeSeconds = lifetimeSeconds;
		this.server = new LoopbackHttpServer("token-endpoint", PATH, this::handle);
	}

	/** The token URI, {@code http://127.0.0.1:<port>/oauth2/token}. */
	public URI tokenUri() {
		return this.server.uri(PATH);
	}

	/** Token requests received since start or the last {@link #reset()}. */
	public int requests() {
		return this.requests.get();
	}

	/** The most token requests that were being served at the same moment. */
	public int maxInFlight() {
		return this.maxInFlight.get();
	}

	/** {@link System#nanoTime()} at the arrival of each token request, in order. */
	public synchronized List<Long> arrivalNanos() {
		return List.copyOf(this.arrivalNanos);
	}

	/** Forgets every count, for the next measurement on the same server. */
	public synchronized void reset() {
		this.requests.set(0);
		this.maxInFlight.set(0);
		this.arrivalNanos.clear();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String form = readBody(exchange.getRequestBody());
			if (!"POST".equals(exchange.getRequestMethod()) || !form.contains("grant_type=client_credentials")) {
				send(exchange, 400, "{\"error\":\"unsupported_grant_type\"}");
				return;
			}
			int number = arrive();
			try {
				sleep(this.delay);
				send(exchange, 200, "{\"access_token\":\"bench-token-" + number
						+ "\",\"token_type\":\"Bearer\",\"expires_in\":" + this.lifetimeSeconds + "}");
			}
			finally {
				this.inFlight.decrementAndGet();
			}
		}
	}

	private int arrive() {
		synchronized (this) {
			this.arrivalNanos.add(System.nanoTime());
		}
		this.maxInFlight.accumulateAndGet(this.inFlight.incrementAndGet(), Math::max);
		return this.requests.incrementAndGet();
	}

	private static String readBody(InputStream body) throws IOException {
		return new String(body.readAllBytes(), StandardCharsets.UTF_8);
	}

	private static void send(HttpExchange exchange, int status, String json) throws IOException {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
		exchange.getResponseHeaders().set("Cache-Control", "no-store");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private static void sleep(Duration delay) {
		if (delay.isZero()) {
			return;
		}
		try {
			Thread.sleep(delay.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		this.server.close();
	}

}
