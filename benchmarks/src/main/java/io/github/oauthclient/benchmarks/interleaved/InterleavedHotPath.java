package io.github.oauthclient.benchmarks.interleaved;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

import io.github.oauthclient.benchmarks.contenders.FloorInterceptor;
import io.github.oauthclient.benchmarks.contenders.SpringSecurityContender;
import io.github.oauthclient.benchmarks.contenders.StarterContender;
import io.github.oauthclient.benchmarks.hotpath.HotPathBenchmark;
import io.github.oauthclient.benchmarks.support.BenchRequest;
import io.github.oauthclient.benchmarks.support.NoOpExecution;
import io.github.oauthclient.benchmarks.support.TokenEndpointServer;
import io.github.oauthclient.http.OAuthClientHttpRequestInterceptor;
import io.github.oauthclient.http.ResourceUrl;
import io.github.oauthclient.token.TokenProvider;

import org.springframework.http.client.ClientHttpRequestInterceptor;

/**
 * Diagnostics for benchmark 1 on a busy machine: the hot path of {@link HotPathBenchmark} (1 thread), the
 * contenders {@link TakingTurns taking turns} in slices of 200,000 calls, plus the pieces of our hot path (the
 * cached token, one resource-URL match) and {@code System.nanoTime()} for scale.
 *
 * <p>Each contender has its own loop method so each call site sees one receiver class, as in a JMH benchmark.
 * Run: {@code java -Xms1g -Xmx1g -cp benchmarks/target/benchmarks.jar
 * io.github.oauthclient.benchmarks.interleaved.InterleavedHotPath [rounds]} (default 150, about a minute).
 */
public final class InterleavedHotPath {

	private static final int SLICE = 200_000;

	private static final byte[] BODY = new byte[0];

	/** Two equal request URIs, alternated so the JIT cannot hoist a match out of the loop. */
	private static final URI[] URIS = { BenchRequest.REQUEST_URI, URI.create(BenchRequest.REQUEST_URI.toString()) };

	private static long sink;

	private InterleavedHotPath() {
	}

	public static void main(String[] args) throws Exception {
		int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : 150;
		try (TokenEndpointServer endpoint = new TokenEndpointServer(Duration.ZERO, 3600);
				StarterContender ours = new StarterContender(endpoint.tokenUri(), BenchRequest.RESOURCE_URL);
				SpringSecurityContender springSecurity = new SpringSecurityContender(endpoint.tokenUri())) {
			ClientHttpRequestInterceptor floor = new FloorInterceptor("bench-token-1");
			TokenProvider tokens = ((OAuthClientHttpRequestInterceptor) ours.interceptor()).routes()
				.get(0)
				.tokenProvider();
			ResourceUrl resourceUrl = ResourceUrl.parse(BenchRequest.RESOURCE_URL.toString());
			BenchRequest request = BenchRequest.toResource();
			NoOpExecution execution = new NoOpExecution();
			new TakingTurns().add("floor", SLICE, () -> floor(floor, request, execution))
				.add("ours", SLICE, () -> ours(ours.interceptor(), request, execution))
				.add("springSecurity", SLICE, () -> springSecurity(springSecurity.interceptor(), request, execution))
				.add("ours: cachedToken", SLICE, () -> cachedToken(tokens))
				.add("ours: resourceUrlMatch", SLICE, () -> resourceUrlMatch(resourceUrl))
				.add("System.nanoTime", SLICE, InterleavedHotPath::nanoTime)
				.run(40, rounds, "ns/call", "ours", "floor");
		}
	}

	private static long floor(ClientHttpRequestInterceptor interceptor, BenchRequest request, NoOpExecution execution)
			throws IOException {
		long start = System.nanoTime();
		for (int i = 0; i < SLICE; i++) {
			interceptor.intercept(request, BODY, execution);
		}
		return elapsedSince(start, execution);
	}

	private static long ours(ClientHttpRequestInterceptor interceptor, BenchRequest request, NoOpExecution execution)
			throws IOException {
		long start = System.nanoTime();
		for (int i = 0; i < SLICE; i++) {
			interceptor.intercept(request, BODY, execution);
		}
		return elapsedSince(start, execution);
	}

	private static long springSecurity(ClientHttpRequestInterceptor interceptor, BenchRequest request,
			NoOpExecution execution) throws IOException {
		long start = System.nanoTime();
		for (int i = 0; i < SLICE; i++) {
			interceptor.intercept(request, BODY, execution);
		}
		return elapsedSince(start, execution);
	}

	private static long cachedToken(TokenProvider tokens) {
		long start = System.nanoTime();
		for (int i = 0; i < SLICE; i++) {
			if (tokens.token() == null) {
				sink++;
			}
		}
		return System.nanoTime() - start;
	}

	private static long resourceUrlMatch(ResourceUrl resourceUrl) {
		URI[] uris = URIS;
		long start = System.nanoTime();
		for (int i = 0; i < SLICE; i++) {
			if (resourceUrl.matches(uris[i & 1])) {
				sink++;
			}
		}
		return System.nanoTime() - start;
	}

	private static long nanoTime() {
		long start = System.nanoTime();
		long sum = 0;
		for (int i = 0; i < SLICE; i++) {
			sum += System.nanoTime();
		}
		sink += sum;
		return System.nanoTime() - start;
	}

	private static long elapsedSince(long start, NoOpExecution execution) {
		long elapsed = System.nanoTime() - start;
		sink += execution.lastAuthorization().length();
		return elapsed;
	}

}
