package io.github.oauthclient.benchmarks.hotpath;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.github.oauthclient.benchmarks.contenders.StarterContender;
import io.github.oauthclient.benchmarks.support.BenchRequest;
import io.github.oauthclient.benchmarks.support.TokenEndpointServer;
import io.github.oauthclient.core.OAuth2Token;
import io.github.oauthclient.http.OAuthClientHttpRequestInterceptor;
import io.github.oauthclient.http.ResourceUrl;
import io.github.oauthclient.token.TokenProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.http.HttpHeaders;

/**
 * Diagnostics for benchmark 1 (not part of the four): the pieces of our hot path one by one, to see
 * where ours spends the time it spends beyond the floor. {@code setHeader} is the floor without its execution;
 * {@code cachedToken} is the starter's own token provider (the cache decorator) answering from the cache;
 * {@code resourceUrlMatch} one prefix match of the request URI; {@code nanoTime} the ticker read inside the cache.
 * Run: {@code java -jar benchmarks/target/benchmarks.jar HotPathPartsBenchmark -prof gc}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@State(Scope.Benchmark)
public class HotPathPartsBenchmark {

	private TokenEndpointServer tokenEndpoint;

	private StarterContender ours;

	private TokenProvider tokens;

	private ResourceUrl resourceUrl;

	private final HttpHeaders headers = new HttpHeaders();

	private final String authorization = "Bearer bench-token-1";

	@Setup(Level.Trial)
	public void start() {
		this.tokenEndpoint = new TokenEndpointServer(Duration.ZERO, 3600);
		this.ours = new StarterContender(this.tokenEndpoint.tokenUri(), BenchRequest.RESOURCE_URL);
		this.tokens = ((OAuthClientHttpRequestInterceptor) this.ours.interceptor()).routes().get(0).tokenProvider();
		this.tokens.token();
		this.resourceUrl = ResourceUrl.parse(BenchRequest.RESOURCE_URL.toString());
		if (!this.resourceUrl.matches(BenchRequest.REQUEST_URI)) {
			throw new IllegalStateException(BenchRequest.REQUEST_URI + " should match " + this.resourceUrl);
		}
	}

	@TearDown(Level.Trial)
	public void stop() {
		this.ours.close();
		this.tokenEndpoint.close();
	}

	@Benchmark
	public HttpHeaders setHeader() {
		this.headers.set(HttpHeaders.AUTHORIZATION, this.authorization);
		return this.headers;
	}

	@Benchmark
	public OAuth2Token cachedToken() {
		return this.tokens.token();
	}

	@Benchmark
	public boolean resourceUrlMatch() {
		return this.resourceUrl.matches(BenchRequest.REQUEST_URI);
	}

	@Benchmark
	public long nanoTime() {
		return System.nanoTime();
	}

}
