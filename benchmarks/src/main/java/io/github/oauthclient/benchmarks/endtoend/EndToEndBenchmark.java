package io.github.oauthclient.benchmarks.endtoend;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.oauthclient.benchmarks.contenders.BootApplication;
import io.github.oauthclient.benchmarks.contenders.SpringSecurityContender;
import io.github.oauthclient.benchmarks.contenders.StarterContender;
import io.github.oauthclient.benchmarks.support.ApiServer;
import io.github.oauthclient.benchmarks.support.TokenEndpointServer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.web.client.RestClient;

/**
 * Benchmark 4, end to end: real GET calls over loopback HTTP through a Boot-built {@code RestClient} to a small
 * JSON API, authenticated by ours (the starter's auto-configuration, configured by properties only), against the
 * same calls from a Boot application without our properties (unauthenticated), and, for scale, the same
 * unauthenticated builder with Spring Security's interceptor added. Report: throughput of each, and ours divided
 * by unauthenticated, for each HTTP client.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@Threads(1)
@State(Scope.Benchmark)
public class EndToEndBenchmark {

	/**
	 * The HTTP client Boot builds the {@code RestClient} on ({@code spring.http.clients.imperative.factory}):
	 * {@code jdk} is Boot's choice when nothing else is on the class path (Java's {@code HttpClient}), {@code simple}
	 * ({@code HttpURLConnection}) is faster per call on loopback, so the interceptor's share of a call is larger.
	 */
	@Param({ "jdk", "simple" })
	public String httpClient;

	private ApiServer api;

	private TokenEndpointServer tokenEndpoint;

	private StarterContender ours;

	private BootApplication plain;

	private SpringSecurityContender springSecurity;

	private URI resource;

	private RestClient unauthenticatedClient;

	private RestClient oursClient;

	private RestClient springSecurityClient;

	@Setup(Level.Trial)
	public void start() {
		this.api = new ApiServer();
		this.resource = this.api.resourceUri();
		this.tokenEndpoint = new TokenEndpointServer(Duration.ZERO, 3600);
		Map<String, Object> client = Map.of("spring.http.clients.imperative.factory", this.httpClient);
		this.ours = new StarterContender(this.tokenEndpoint.tokenUri(), this.api.baseUri(), client);
		this.oursClient = this.ours.application().restClientBuilder().build();
		this.plain = new BootApplication(client);
		if (!this.plain.installedInterceptors().isEmpty()) {
			throw new IllegalStateException("without oauth.client properties the Boot-built RestClient should have no "
					+ "interceptors, found " + this.plain.installedInterceptors());
		}
		this.unauthenticatedClient = this.plain.restClientBuilder().build();
		this.springSecurity = new SpringSecurityContender(this.tokenEndpoint.tokenUri());
		this.springSecurityClient = this.plain.restClientBuilder()
			.requestInterceptor(this.springSecurity.interceptor())
			.build();
		expectAuthorization(this.unauthenticatedClient, false);
		expectAuthorization(this.oursClient, true);
		expectAuthorization(this.springSecurityClient, true);
	}

	@TearDown(Level.Trial)
	public void stop() {
		this.springSecurity.close();
		this.plain.close();
		this.ours.close();
		this.tokenEndpoint.close();
		this.api.close();
	}

	@Benchmark
	public String unauthenticated() {
		return call(this.unauthenticatedClient);
	}

	@Benchmark
	public String ours() {
		return call(this.oursClient);
	}

	@Benchmark
	public String springSecurity() {
		return call(this.springSecurityClient);
	}

	private String call(RestClient client) {
		return client.get().uri(this.resource).retrieve().body(String.class);
	}

	private void expectAuthorization(RestClient client, boolean bearer) {
		call(client);
		String authorization = this.api.lastAuthorization();
		boolean sentBearer = authorization != null && authorization.startsWith("Bearer bench-token-");
		if (sentBearer != bearer || (!bearer && authorization != null)) {
			throw new IllegalStateException("expected " + (bearer ? "a bearer token" : "no Authorization header")
					+ " at the API, got " + authorization);
		}
	}

}
