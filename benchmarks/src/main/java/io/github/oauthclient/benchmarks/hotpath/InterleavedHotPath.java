package io.github.oauthclient.benchmarks.hotpath;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.oauthclient.benchmarks.contenders.FloorInterceptor;
import io.github.oauthclient.benchmarks.contenders.SpringSecurityContender;
import io.github.oauthclient.benchmarks.contenders.StarterContender;
import io.github.oauthclient.benchmarks.support.BenchRequest;
import io.github.oauthclient.benchmarks.support.NoOpExecution;
import io.github.oauthclient.benchmarks.support.TokenEndpointServer;
import io.github.oauthclient.http.OAuthClientHttpRequestInterceptor;
import io.github.oauthclient.http.ResourceUrl;
import io.github.oauthclient.token.TokenProvider;

import org.springframework.http.client.ClientHttpRequestInterceptor;

/**
 * Diagnostics for benchmark 1 on a busy machine: the same hot path as {@link HotPathBenchmark} (1 thread), but the
 * contenders take turns in slices of 200,000 calls inside one JVM, so load that comes and goes (other builds on a
 * shared machine) hits them alike; JMH runs them one after the other in separate forks, where a load change
 * between forks skews the ratios. Prints, per contender and per piece of our hot path, the fastest slice (closest
 * to a quiet machine) and the median slice, in ns per call, and the median of the per-round ours/floor ratios.
 *
 * <p>Each contender has its own loop method so each call site sees one receiver class, as in a JMH benchmark.
 * Run: {@code java -Xms1g -Xmx1g -cp benchmarks/target/benchmarks.jar
 * io.github.oauthclient.benchmarks.hotpath.InterleavedHotPath [rounds]} (default 150, about a minute).
 */
public final class InterleavedHotPath {

	private static final int SLICE = 200_000;

	private static final byte[] BODY = new byte[0];

	/** Two equal request URIs, alternated so the JIT cannot hoist a match out of the loop. */
	private static final URI[] URIS = { BenchRequest.REQUEST_URI, URI.create(BenchRequest.REQUEST_URI.toString()) };

	private static long sink;

	private InterleavedHotPath() {
	}

	public static void main(String[] args) throws IOException {
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
			Map<String, double[]> slices = new LinkedHashMap<>();
			for (String name : new String[] { "floor", "ours", "springSecurity", "ours: cachedToken",
					"ours: resourceUrlMatch", "System.nanoTime" }) {
				slices.put(name, new double[rounds]);
			}
			double[] ratios = new double[rounds];
			for (int round = -40; round < rounds; round++) {
				double f = floor(floor, request, execution) / (double) SLICE;
				double o = ours(ours.interceptor(), request, execution) / (double) SLICE;
				double s = springSecurity(springSecurity.interceptor(), request, execution) / (double) SLICE;
				double t = cachedToken(tokens) / (double) SLICE;
				double m = resourceUrlMatch(resourceUrl) / (double) SLICE;
				double n = nanoTime() / (double) SLICE;
				if (round >= 0) {
					double[] values = { f, o, s, t, m, n };
					int i = 0;
					for (double[] series : slices.values()) {
						series[round] = values[i++];
					}
					ratios[round] = o / f;
				}
			}
			System.out.printf("%-24s %12s %12s%n", "ns/call", "fastest", "median");
			for (Map.Entry<String, double[]> entry : slices.entrySet()) {
				double[] series = entry.getValue();
				Arrays.sort(series);
				System.out.printf("%-24s %12.1f %12.1f%n", entry.getKey(), series[0], series[rounds / 2]);
			}
			Arrays.sort(ratios);
			System.out.printf("ours / floor, per round: median %.2f (quartiles %.2f - %.2f)%n", ratios[rounds / 2],
					ratios[rounds / 4], ratios[3 * rounds / 4]);
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
