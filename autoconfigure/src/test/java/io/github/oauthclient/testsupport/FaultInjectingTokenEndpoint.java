package io.github.oauthclient.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

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
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small token endpoint on a random loopback port that answers as the test scripts it: delays, 5xx, 429 with
 * Retry-After, dropped connections, malformed bodies. It records and counts every request and the highest number it
 * was serving at once.
 *
 * <p>It exists because a real authorization server cannot be made to misbehave on demand, and the concurrency
 * guarantees (one request for 200 threads, no caller waiting during renewal) can only be asserted by counting what
 * arrives at the endpoint over real HTTP.
 *
 * <p>The token path is {@value #TOKEN_PATH}. One-shot answers queued with {@link #enqueue(Responder...)} are used
 * first, in order; after that every request gets the default answer (new tokens valid for an hour unless
 * {@link #setDefault(Responder)} says otherwise). Other paths (discovery documents, for example) can be served with
 * {@link #route(String, Responder)}.
 */
public final class FaultInjectingTokenEndpoint implements AutoCloseable {

	/** The path of the token endpoint. */
	public static final String TOKEN_PATH = "/token";

	private final HttpServer server;
	private final ExecutorService executor;
	private final Queue<Responder> queued = new ConcurrentLinkedQueue<>();
	private final Map<String, Responder> routes = new ConcurrentHashMap<>();
	private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
	private final List<RecordedRequest> requests = Collections.synchronizedList(new ArrayList<>());
	private final AtomicInteger inFlight = new AtomicInteger();
	private final AtomicInteger maxInFlight = new AtomicInteger();
	private volatile Responder defaultResponder = Responder.issuingTokens(3600);

	private FaultInjectingTokenEndpoint(HttpServer server, ExecutorService executor) {
		this.server = server;
		this.executor = executor;
	}

	/** Starts an endpoint on {@code 127.0.0.1} and a free port. */
	public static FaultInjectingTokenEndpoint start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
			ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
				Thread thread = new Thread(runnable, "fault-endpoint");
				thread.setDaemon(true);
				return thread;
			});
			FaultInjectingTokenEndpoint endpoint = new FaultInjectingTokenEndpoint(server, executor);
			server.setExecutor(executor);
			server.createContext("/", endpoint::handle);
			server.start();
			return endpoint;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** {@code http://127.0.0.1:<port>}. */
	public String baseUri() {
		return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
	}

	/** The URI of the token endpoint. */
	public String tokenUri() {
		return baseUri() + TOKEN_PATH;
	}

	/** Queues one-shot answers for the next token requests, in order. */
	public FaultInjectingTokenEndpoint enqueue(Responder... responders) {
		queued.addAll(List.of(responders));
		return this;
	}

	/** The answer for every token request once the queue is empty. */
	public FaultInjectingTokenEndpoint setDefault(Responder responder) {
		this.defaultResponder = responder;
		return this;
	}

	/** Serves another path (for example {@code /.well-known/oauth-authorization-server}). */
	public FaultInjectingTokenEndpoint route(String path, Responder responder) {
		routes.put(path, responder);
		return this;
	}

	/** How many requests reached the token endpoint. */
	public int requestCount() {
		return requestCount(TOKEN_PATH);
	}

	/** How many requests reached the given path. */
	public int requestCount(String path) {
		AtomicInteger count = counts.get(path);
		return (count == null) ? 0 : count.get();
	}

	/** The highest number of requests (on any path) the endpoint was serving at the same time. */
	public int maxConcurrentRequests() {
		return maxInFlight.get();
	}

	/** Every request received on the token path, in arrival order. */
	public List<RecordedRequest> requests() {
		synchronized (requests) {
			return requests.stream().filter(r -> r.path().equals(TOKEN_PATH)).toList();
		}
	}

	/** The most recent token request. */
	public RecordedRequest lastRequest() {
		List<RecordedRequest> all = requests();
		if (all.isEmpty()) {
			throw new IllegalStateException("no token request received");
		}
		return all.get(all.size() - 1);
	}

	@Override
	public void close() {
		server.stop(0);
		executor.shutdownNow();
	}

	private void handle(HttpExchange exchange) throws IOException {
		int now = inFlight.incrementAndGet();
		maxInFlight.accumulateAndGet(now, Math::max);
		try {
			RecordedRequest request = record(exchange);
			String path = request.path();
			int sequence = counts.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
			requests.add(request);
			Responder responder = path.equals(TOKEN_PATH) ? nextTokenResponder() : routes.get(path);
			Reply reply = (responder != null) ? responder.reply(request, sequence)
					: Reply.of(404, "text/plain", "no route for " + path);
			send(exchange, reply);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			exchange.close();
		}
		finally {
			inFlight.decrementAndGet();
		}
	}

	private Responder nextTokenResponder() {
		Responder next = queued.poll();
		return (next != null) ? next : defaultResponder;
	}

	private static RecordedRequest record(HttpExchange exchange) throws IOException {
		Map<String, List<String>> headers = new TreeMap<>();
		exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT),
				List.copyOf(values)));
		String body;
		try (InputStream in = exchange.getRequestBody()) {
			body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		return new RecordedRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
				exchange.getRequestURI().getRawQuery(), Map.copyOf(headers), body);
	}

	private static void send(HttpExchange exchange, Reply reply) throws IOException, InterruptedException {
		if (!reply.delay().isZero()) {
			Thread.sleep(reply.delay().toMillis());
		}
		if (reply.dropConnection()) {
			// Closing before any response bytes are written makes the server drop the connection.
			exchange.close();
			return;
		}
		byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
		reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
		exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}
}
