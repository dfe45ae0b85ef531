package io.github.oauthclient.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpServer;

/**
 * Serves the public JWK sets of test clients over real HTTP on {@code 127.0.0.1} (the JDK's HTTP server), one per
 * path, for Spring Authorization Server's {@code jwkSetUrl} client setting: the server fetches the client's public
 * keys from here to verify {@code private_key_jwt} assertions, as it would from a real client's JWKS endpoint.
 *
 * <p>Only public keys are ever published ({@link JWK#toPublicJWK()}).
 */
public final class JwkSetServer implements AutoCloseable {

	private final HttpServer server;

	private final Map<String, String> sets = new ConcurrentHashMap<>();

	private final AtomicInteger requests = new AtomicInteger();

	private JwkSetServer(HttpServer server) {
		this.server = server;
	}

	/** Starts a server on a random loopback port. */
	public static JwkSetServer start() {
		try {
			HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			JwkSetServer jwks = new JwkSetServer(http);
			http.createContext("/", exchange -> {
				jwks.requests.incrementAndGet();
				String body = jwks.sets.get(exchange.getRequestURI().getPath());
				byte[] bytes = (body != null ? body : "{\"error\":\"not found\"}").getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().set("Content-Type", "application/json");
				exchange.sendResponseHeaders(body != null ? 200 : 404, bytes.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(bytes);
				}
			});
			http.start();
			return jwks;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Publishes the public parts of {@code keys} at {@code /<name>.json}.
	 *
	 * @return the URL of the set
	 */
	public String publish(String name, JWK... keys) {
		String path = "/" + name + ".json";
		JWKSet set = new JWKSet(java.util.Arrays.stream(keys).map(JWK::toPublicJWK).toList());
		sets.put(path, set.toString(true));
		return baseUrl() + path;
	}

	/**
	 * Serves {@code json} at {@code path} (such as {@code /.well-known/oauth-authorization-server}), for metadata
	 * documents.
	 *
	 * @return the URL of the document
	 */
	public String serve(String path, String json) {
		sets.put(path, json);
		return baseUrl() + path;
	}

	/** {@code http://127.0.0.1:<port>}. */
	public String baseUrl() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	/** How many requests the server has answered. */
	public int requestCount() {
		return requests.get();
	}

	@Override
	public void close() {
		server.stop(0);
	}
}
