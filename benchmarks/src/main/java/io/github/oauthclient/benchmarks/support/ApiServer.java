package io.github.oauthclient.benchmarks.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;

/**
 * The resource server of the end-to-end benchmark: a loopback API that answers every request at once with a
 * small JSON body and counts how many requests carried a bearer token and how many carried none, so a benchmark
 * can prove its authenticated calls really were authenticated (and its baseline really was not).
 */
public final class ApiServer implements AutoCloseable {

	/** Path prefix of the API. */
	public static final String PATH = "/api/";

	private static final byte[] BODY = "{\"id\":42,\"name\":\"widget\"}".getBytes(StandardCharsets.UTF_8);

	private final LoopbackHttpServer server = new LoopbackHttpServer("api", PATH, this::handle);

	private final AtomicLong withBearer = new AtomicLong();

	private final AtomicLong withoutAuthorization = new AtomicLong();

	private volatile String lastAuthorization;

	/** {@code http://127.0.0.1:<port>/api/}: the resource URL to configure. */
	public URI baseUri() {
		return this.server.uri(PATH);
	}

	/** A resource under the API: {@code http://127.0.0.1:<port>/api/orders/42}. */
	public URI resourceUri() {
		return this.server.uri(PATH + "orders/42");
	}

	/** Requests that carried {@code Authorization: Bearer ...}. */
	public long requestsWithBearer() {
		return this.withBearer.get();
	}

	/** Requests that carried no {@code Authorization} header. */
	public long requestsWithoutAuthorization() {
		return this.withoutAuthorization.get();
	}

	/** The {@code Authorization} header of the latest request, or {@code null} if it had none. */
	public String lastAuthorization() {
		return this.lastAuthorization;
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			exchange.getRequestBody().readAllBytes();
			String authorization = exchange.getRequestHeaders().getFirst("Authorization");
			this.lastAuthorization = authorization;
			if (authorization == null) {
				this.withoutAuthorization.incrementAndGet();
			}
			else if (authorization.startsWith("Bearer ")) {
				this.withBearer.incrementAndGet();
			}
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, BODY.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(BODY);
			}
		}
	}

	@Override
	public void close() {
		this.server.close();
	}

}
