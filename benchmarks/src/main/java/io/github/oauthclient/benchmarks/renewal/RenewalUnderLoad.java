package io.github.oauthclient.benchmarks.renewal;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import io.github.oauthclient.benchmarks.contenders.Contender;
import io.github.oauthclient.benchmarks.contenders.ContenderType;
import io.github.oauthclient.benchmarks.support.BenchRequest;
import io.github.oauthclient.benchmarks.support.NoOpExecution;
import io.github.oauthclient.benchmarks.support.TokenEndpointServer;

import org.springframework.http.client.ClientHttpRequestInterceptor;

/**
 * Benchmark 3, renewal under load: tokens that live 2 s, 8 threads calling through the interceptor (no-op
 * execution) for 10 s, the token endpoint answering after 200 ms. Reported per contender: token requests the
 * endpoint received during the 10 s, the shortest gap between two of them, and the call latencies (p50, p99,
 * p99.9, slowest). The unauthenticated run, with the same threads and pacing, is the latency baseline: "no call
 * waits on the network" means ours' slowest call stays within its p99 plus 1 ms, and a call that did wait shows
 * up as at least the endpoint's 200 ms. The floor (a constant header, no token endpoint) shows what merely
 * authenticating costs in the same conditions: its header allocation brings GC pauses the unauthenticated run
 * does not have, so run with a fixed, large, pre-touched heap ({@code -Xms2g -Xmx2g -XX:+AlwaysPreTouch}, as
 * {@code run.sh} does); each run starts after a full collection.
 *
 * <p>Each caller pauses ~50 us between calls ({@code parkNanos}) so 8 callers on a 2-core machine measure waiting
 * for tokens, not the OS scheduler's time slices. One call before the clock starts fetches the first token
 * (cold start is benchmark 2); the callers then run 4 s (two renewals) unrecorded before the 10 s window.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.github.oauthclient.benchmarks.renewal.RenewalUnderLoad
 * [seconds]} (with {@code -Xms2g -Xmx2g -XX:+AlwaysPreTouch}).
 */
public final class RenewalUnderLoad {

	/** {@code expires_in} of every token. */
	public static final long TOKEN_LIFETIME_SECONDS = 2;

	/** The token endpoint's answer time. */
	public static final Duration ENDPOINT_DELAY = Duration.ofMillis(200);

	/** Caller threads. */
	public static final int THREADS = 8;

	/**
	 * Two token lifetimes before the clock starts: the JIT has compiled the callers' loop, and the first renewals
	 * (whose new branches make the JIT deoptimize and recompile the interceptor once per JVM) are behind us.
	 */
	private static final Duration WARM_UP = Duration.ofSeconds(2 * TOKEN_LIFETIME_SECONDS);

	private static final long PAUSE_NANOS = 50_000;

	private static final long ONE_MILLI = 1_000_000;

	/**
	 * One contender's run.
	 * @param contender the contender's name
	 * @param window how long the calls were recorded
	 * @param calls calls made in the window
	 * @param callsWithoutToken calls that failed or carried no bearer token (always all for unauthenticated)
	 * @param tokenRequests token requests that arrived in the window
	 * @param shortestGap the shortest time between two consecutive token requests in the window, or {@code null}
	 * for fewer than two
	 * @param p50 median call latency
	 * @param p99 99th percentile call latency
	 * @param p999 99.9th percentile call latency
	 * @param slowest slowest call
	 * @param slowestAfterTokenRequest how long after the arrival of the latest token request the slowest call
	 * started, or {@code null} when none had arrived yet (a slowest call right after a renewal started points at
	 * the renewal hand-off; one far from any points at the machine: GC, scheduling)
	 * @param callsOver1ms calls that took longer than 1 ms
	 * @param gcPauses garbage collections during the window
	 * @param gcMillis their accumulated time
	 * @param firstFailure the first exception a caller saw, or {@code null}
	 */
	public record Result(String contender, Duration window, long calls, long callsWithoutToken, int tokenRequests,
			Duration shortestGap, Duration p50, Duration p99, Duration p999, Duration slowest,
			Duration slowestAfterTokenRequest, long callsOver1ms, long gcPauses, long gcMillis, String firstFailure) {

		@Override
		public String toString() {
			return String.format("renewal  %-15s window=%ds calls=%d tokenRequests=%d shortestGapMs=%s p50=%s p99=%s"
					+ " p99.9=%s slowest=%s slowestStartedAfterTokenRequest=%s callsOver1ms=%d gc=%d/%dms"
					+ " callsWithoutToken=%d%s", this.contender,
					this.window.toSeconds(), this.calls, this.tokenRequests,
					(this.shortestGap != null) ? this.shortestGap.toMillis() : "-", micros(this.p50),
					micros(this.p99), micros(this.p999), micros(this.slowest),
					(this.slowestAfterTokenRequest != null) ? micros(this.slowestAfterTokenRequest) : "-",
					this.callsOver1ms, this.gcPauses, this.gcMillis, this.callsWithoutToken, (this.firstFailure != null) ? " firstFailure=" + this.firstFailure : "");
		}

		/** Formats a duration in microseconds, one decimal. */
		public static String micros(Duration duration) {
			return String.format("%.1f us", duration.toNanos() / 1000.0);
		}

	}

	private RenewalUnderLoad() {
	}

	public static void main(String[] args) throws IOException, InterruptedException {
		Duration window = Duration.ofSeconds((args.length > 0) ? Long.parseLong(args[0]) : 10);
		for (ContenderType type : ContenderType.values()) {
			System.out.println(run(type, window));
		}
	}

	/** One run of {@link #THREADS} callers for {@code window} on a fresh contender and endpoint. */
	public static Result run(ContenderType type, Duration window) throws IOException, InterruptedException {
		try (TokenEndpointServer endpoint = new TokenEndpointServer(ENDPOINT_DELAY, TOKEN_LIFETIME_SECONDS);
				Contender contender = type.start(endpoint.tokenUri(), BenchRequest.RESOURCE_URL)) {
			ClientHttpRequestInterceptor interceptor = contender.interceptor();
			interceptor.intercept(BenchRequest.toResource(), new byte[0], new NoOpExecution());
			// every contender starts with an empty young generation: with a 2 GB heap no collection then falls
			// into its window by the chance of what the runs before it allocated
			System.gc();
			long windowStart = System.nanoTime() + WARM_UP.toNanos();
			long windowEnd = windowStart + window.toNanos();
			List<LatencyRecorder> recorders = new ArrayList<>();
			AtomicInteger withoutToken = new AtomicInteger();
			AtomicReference<String> firstFailure = new AtomicReference<>();
			CountDownLatch done = new CountDownLatch(THREADS);
			for (int i = 0; i < THREADS; i++) {
				LatencyRecorder recorder = new LatencyRecorder();
				recorders.add(recorder);
				Thread caller = new Thread(() -> {
					try {
						call(interceptor, recorder, windowStart, windowEnd, withoutToken, firstFailure);
					}
					finally {
						done.countDown();
					}
				}, "renewal-" + i);
				caller.setDaemon(true);
				caller.start();
			}
			sleepUntil(windowStart);
			GcActivity gcBefore = GcActivity.now();
			if (!done.await(WARM_UP.plus(window).toSeconds() + 60, TimeUnit.SECONDS)) {
				throw new IllegalStateException("callers did not finish");
			}
			GcActivity gc = GcActivity.now().since(gcBefore);
			long[] sorted = LatencyRecorder.mergeSorted(recorders);
			List<Long> allArrivals = endpoint.arrivalNanos();
			List<Long> arrivals = allArrivals.stream().filter((at) -> at >= windowStart && at < windowEnd).toList();
			return new Result(contender.name(), window, sorted.length, withoutToken.get(), arrivals.size(),
					shortestGap(arrivals), nanos(LatencyRecorder.percentile(sorted, 0.50)),
					nanos(LatencyRecorder.percentile(sorted, 0.99)), nanos(LatencyRecorder.percentile(sorted, 0.999)),
					nanos((sorted.length > 0) ? sorted[sorted.length - 1] : 0),
					sinceLatestBefore(allArrivals, LatencyRecorder.slowestStartedAt(recorders)),
					LatencyRecorder.countOver(sorted, ONE_MILLI), gc.collections(), gc.millis(), firstFailure.get());
		}
	}

	private static void call(ClientHttpRequestInterceptor interceptor, LatencyRecorder recorder, long windowStart,
			long windowEnd, AtomicInteger withoutToken, AtomicReference<String> firstFailure) {
		BenchRequest request = BenchRequest.toResource();
		NoOpExecution execution = new NoOpExecution();
		byte[] body = new byte[0];
		long now = System.nanoTime();
		while (now < windowEnd) {
			long start = System.nanoTime();
			boolean authenticated;
			try {
				interceptor.intercept(request, body, execution);
				String authorization = execution.lastAuthorization();
				authenticated = authorization != null && authorization.startsWith("Bearer ");
			}
			catch (Exception ex) {
				firstFailure.compareAndSet(null, ex.toString());
				authenticated = false;
			}
			long end = System.nanoTime();
			if (start >= windowStart) {
				recorder.record(start, end - start);
				if (!authenticated) {
					withoutToken.incrementAndGet();
				}
			}
			LockSupport.parkNanos(PAUSE_NANOS);
			now = System.nanoTime();
		}
	}

	private static Duration shortestGap(List<Long> arrivals) {
		Duration shortest = null;
		for (int i = 1; i < arrivals.size(); i++) {
			Duration gap = Duration.ofNanos(arrivals.get(i) - arrivals.get(i - 1));
			if (shortest == null || gap.compareTo(shortest) < 0) {
				shortest = gap;
			}
		}
		return shortest;
	}

	private static void sleepUntil(long nanoTime) throws InterruptedException {
		long left = nanoTime - System.nanoTime();
		if (left > 0) {
			TimeUnit.NANOSECONDS.sleep(left);
		}
	}

	private static Duration sinceLatestBefore(List<Long> arrivals, long at) {
		Duration since = null;
		for (long arrival : arrivals) {
			if (arrival <= at) {
				since = Duration.ofNanos(at - arrival);
			}
		}
		return since;
	}

	private static Duration nanos(long nanos) {
		return Duration.ofNanos(nanos);
	}

}
