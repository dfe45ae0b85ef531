package io.github.oauthclient.benchmarks.interleaved;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import io.github.oauthclient.benchmarks.contenders.BootApplication;
import io.github.oauthclient.benchmarks.contenders.StarterContender;
import io.github.oauthclient.benchmarks.endtoend.EndToEndBenchmark;
import io.github.oauthclient.benchmarks.support.ApiServer;
import io.github.oauthclient.benchmarks.support.TokenEndpointServer;

import org.springframework.web.client.RestClient;

/**
 * Diagnostics for benchmark 4 on a busy machine: the calls of {@link EndToEndBenchmark} (a Boot-built
 * {@code RestClient}, GET to a loopback JSON API), authenticated by ours and unauthenticated, {@link TakingTurns
 * taking turns} in slices of 500 calls, so the throughput ratio is taken within each round.
 *
 * <p>Run: {@code java -Xms1g -Xmx1g -cp benchmarks/target/benchmarks.jar
 * io.github.oauthclient.benchmarks.interleaved.InterleavedEndToEnd [rounds] [jdk|simple]} (default 60, jdk).
 */
public final class InterleavedEndToEnd {

	private static final int SLICE = 500;

	private InterleavedEndToEnd() {
	}

	public static void main(String[] args) throws Exception {
		int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : 60;
		Map<String, Object> client = Map.of("spring.http.clients.imperative.factory",
				(args.length > 1) ? args[1] : "jdk");
		try (ApiServer api = new ApiServer();
				TokenEndpointServer endpoint = new TokenEndpointServer(Duration.ZERO, 3600);
				StarterContender ours = new StarterContender(endpoint.tokenUri(), api.baseUri(), client);
				BootApplication plain = new BootApplication(client)) {
			RestClient authenticated = ours.application().restClientBuilder().build();
			RestClient unauthenticated = plain.restClientBuilder().build();
			URI resource = api.resourceUri();
			new TakingTurns().add("unauthenticated", SLICE, () -> calls(unauthenticated, resource))
				.add("ours", SLICE, () -> calls(authenticated, resource))
				.run(5, rounds, "us/call (" + client.values().iterator().next() + ")", "ours", "unauthenticated");
			System.out.printf("API saw %d requests with a bearer token, %d without%n", api.requestsWithBearer(),
					api.requestsWithoutAuthorization());
		}
	}

	private static long calls(RestClient client, URI resource) {
		long start = System.nanoTime();
		for (int i = 0; i < SLICE; i++) {
			client.get().uri(resource).retrieve().body(String.class);
		}
		return (System.nanoTime() - start) / 1000;
	}

}
