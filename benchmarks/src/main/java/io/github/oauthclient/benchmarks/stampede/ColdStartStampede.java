package io.github.oauthclient.benchmarks.stampede;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.github.oauthclient.benchmarks.contenders.Contender;
import io.github.oauthclient.benchmarks.contenders.ContenderType;
import io.github.oauthclient.benchmarks.support.BenchRequest;
import io.github.oauthclient.benchmarks.support.NoOpExecution;
import io.github.oauthclient.benchmarks.support.TokenEndpointServer;

import org.springframework.http.client.ClientHttpRequestInterceptor;

/**
 * Benchmark 2, the cold-start stampede: N threads, started and parked on one latch, are released together onto
 * a contender whose token cache is empty, while the token endpoint takes 200 ms to answer; each makes one call.
 * What counts is how many token requests the endpoint received (the target for ours: exactly 1 at any N). A
 * count, not a time, so this is a plain program rather than a JMH benchmark: JMH's iteration barrier releases
 * threads together only approximately, and every run needs a new, empty contender.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar
 * io.github.oauthclient.benchmarks.stampede.ColdStartStampede [threads...]} (default 50 200).
 */
public final class ColdStartStampede {

	/** The token endpoint's answer time. */
	public static final Duration ENDPOINT_DELAY = Duration.ofMillis(200);

	/**
	 * One stampede's outcome.
	 * @param contender the contender's name
	 * @param threads callers released together
	 * @param tokenRequests token requests the endpoint received
	 * @param maxInFlight most token requests in flight at once
	 * @param callsWithoutToken calls that failed or went out without a bearer token
	 * @param slowestCall the longest any caller waited
	 * @param firstFailure the first exception a caller saw, or {@code null}
	 */
	public record Result(String contender, int threads, int tokenRequests, int maxInFlight, int callsWithoutToken,
			Duration slowestCall, String firstFailure) {

		@Override
		public String toString() {
			return String.format("stampede %-15s threads=%3d tokenRequests=%3d maxInFlight=%3d callsWithoutToken=%d"
					+ " slowestCall=%dms%s", this.contender, this.threads, this.tokenRequests, this.maxInFlight,
					this.callsWithoutToken, this.slowestCall.toMillis(),
					(this.firstFailure != null) ? " firstFailure=" + this.firstFailure : "");
		}

	}

	private ColdStartStampede() {
	}

	public static void main(String[] args) throws InterruptedException {
		List<Integer> threadCounts = new ArrayList<>();
		for (String arg : args) {
			threadCounts.add(Integer.parseInt(arg));
		}
		if (threadCounts.isEmpty()) {
			threadCounts = List.of(50, 200);
		}
		for (int threads : threadCounts) {
			for (ContenderType type : List.of(ContenderType.OURS, ContenderType.SPRING_SECURITY)) {
				System.out.println(run(type, threads));
			}
		}
	}

	/** One stampede of {@code threads} callers on a fresh contender of the given type and a fresh endpoint. */
	public static Result run(ContenderType type, int threads) throws InterruptedException {
		try (TokenEndpointServer endpoint = new TokenEndpointServer(ENDPOINT_DELAY, 3600);
				Contender contender = type.start(endpoint.tokenUri(), BenchRequest.RESOURCE_URL)) {
			ClientHttpRequestInterceptor interceptor = contender.interceptor();
			CountDownLatch ready = new CountDownLatch(threads);
			CountDownLatch go = new CountDownLatch(1);
			AtomicInteger withoutToken = new AtomicInteger();
			AtomicLong slowestNanos = new AtomicLong();
			AtomicReference<String> firstFailure = new AtomicReference<>();
			List<Thread> callers = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				Thread caller = new Thread(() -> {
					NoOpExecution execution = new NoOpExecution();
					BenchRequest request = BenchRequest.toResource();
					ready.countDown();
					try {
						go.await();
						long start = System.nanoTime();
						interceptor.intercept(request, new byte[0], execution);
						slowestNanos.accumulateAndGet(System.nanoTime() - start, Math::max);
						String authorization = execution.lastAuthorization();
						if (authorization == null || !authorization.startsWith("Bearer ")) {
							withoutToken.incrementAndGet();
						}
					}
					catch (Exception ex) {
						withoutToken.incrementAndGet();
						firstFailure.compareAndSet(null, ex.toString());
					}
				}, "stampede-" + i);
				caller.setDaemon(true);
				callers.add(caller);
				caller.start();
			}
			if (!ready.await(30, TimeUnit.SECONDS)) {
				throw new IllegalStateException("callers did not start");
			}
			go.countDown();
			for (Thread caller : callers) {
				caller.join(TimeUnit.SECONDS.toMillis(60));
				if (caller.isAlive()) {
					throw new IllegalStateException(caller.getName() + " still waiting after 60 s");
				}
			}
			return new Result(contender.name(), threads, endpoint.requests(), endpoint.maxInFlight(),
					withoutToken.get(), Duration.ofNanos(slowestNanos.get()), firstFailure.get());
		}
	}

}
