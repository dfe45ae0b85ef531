package io.github.oauthclient.benchmarks.hotpath;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.github.oauthclient.benchmarks.contenders.Contender;
import io.github.oauthclient.benchmarks.contenders.FloorInterceptor;
import io.github.oauthclient.benchmarks.contenders.SpringSecurityContender;
import io.github.oauthclient.benchmarks.contenders.StarterContender;
import io.github.oauthclient.benchmarks.support.BenchRequest;
import io.github.oauthclient.benchmarks.support.NoOpExecution;
import io.github.oauthclient.benchmarks.support.TokenEndpointServer;
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
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Benchmark 1, the hot path: one {@code intercept(request, body, execution)} with a token already cached and a
 * no-op execution, for the floor (a constant header), ours as the starter wires it (resource-URL matching
 * included) and Spring Security 7's interceptor. Run with {@code -prof gc} for B/op
 * ({@code gc.alloc.rate.norm}) and with {@code -t 1} and {@code -t 2}; the contenders are shared by all threads,
 * as an application's beans are, and each thread sends its own request object.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@State(Scope.Benchmark)
public class HotPathBenchmark {

	private static final String STALE = "Bearer stale-token-from-an-earlier-call";

	private TokenEndpointServer tokenEndpoint;

	private Contender oursContender;

	private Contender springSecurityContender;

	private ClientHttpRequestInterceptor floor;

	private ClientHttpRequestInterceptor ours;

	private ClientHttpRequestInterceptor springSecurity;

	@Setup(Level.Trial)
	public void start() throws IOException {
		// tokens for an hour: nothing expires during the run, every call is served from the cache
		this.tokenEndpoint = new TokenEndpointServer(Duration.ZERO, 3600);
		this.oursContender = new StarterContender(this.tokenEndpoint.tokenUri(), BenchRequest.RESOURCE_URL);
		this.springSecurityContender = new SpringSecurityContender(this.tokenEndpoint.tokenUri());
		String oursHeader = warmUp(this.oursContender);
		String springSecurityHeader = warmUp(this.springSecurityContender);
		// the floor sends a token of the same length as the libraries' (bench-token-N)
		Contender floorContender = new FloorInterceptor(oursHeader.substring("Bearer ".length()));
		warmUp(floorContender);
		this.floor = floorContender.interceptor();
		this.ours = this.oursContender.interceptor();
		this.springSecurity = this.springSecurityContender.interceptor();
		if (springSecurityHeader.length() != oursHeader.length()) {
			throw new IllegalStateException("token lengths differ: " + oursHeader + " vs " + springSecurityHeader);
		}
	}

	@TearDown(Level.Trial)
	public void stop() {
		this.oursContender.close();
		this.springSecurityContender.close();
		this.tokenEndpoint.close();
	}

	/** One thread's request, body and execution, reused call after call. */
	@State(Scope.Thread)
	public static class Call {

		final BenchRequest request = BenchRequest.toResource();

		final byte[] body = new byte[0];

		final NoOpExecution execution = new NoOpExecution();

		@TearDown(Level.Iteration)
		public void checkAuthenticated() {
			String authorization = this.execution.lastAuthorization();
			if (authorization == null || !authorization.startsWith("Bearer bench-token-")) {
				throw new IllegalStateException("the last call carried no token: " + authorization);
			}
		}

	}

	@Benchmark
	public ClientHttpResponse floor(Call call) throws IOException {
		return this.floor.intercept(call.request, call.body, call.execution);
	}

	@Benchmark
	public ClientHttpResponse ours(Call call) throws IOException {
		return this.ours.intercept(call.request, call.body, call.execution);
	}

	@Benchmark
	public ClientHttpResponse springSecurity(Call call) throws IOException {
		return this.springSecurity.intercept(call.request, call.body, call.execution);
	}

	/**
	 * Fetches the contender's first token and proves it lands on a request, replacing a value left from an earlier
	 * call as it must on the reused benchmark request; answers the header it sent.
	 */
	private static String warmUp(Contender contender) throws IOException {
		ClientHttpRequestInterceptor interceptor = contender.interceptor();
		NoOpExecution execution = new NoOpExecution();
		BenchRequest request = BenchRequest.toResource();
		request.getHeaders().set(HttpHeaders.AUTHORIZATION, STALE);
		interceptor.intercept(request, new byte[0], execution);
		String authorization = execution.lastAuthorization();
		if (authorization == null || !authorization.startsWith("Bearer bench-token-")) {
			throw new IllegalStateException(contender.name() + " did not replace the previous call's Authorization"
					+ " header with its bearer token on " + BenchRequest.REQUEST_URI + " (got " + authorization + ")");
		}
		return authorization;
	}

}
