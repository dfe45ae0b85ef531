package io.github.oauthclient.token;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.oauthclient.core.BackendApplicationClient;
import io.github.oauthclient.core.OAuth2Token;
import io.github.oauthclient.testsupport.FaultInjectingTokenEndpoint;
import io.github.oauthclient.testsupport.Reply;
import io.github.oauthclient.testsupport.Responder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The whole chain (cache, retries, endpoint client) over real HTTP under concurrency, asserting exact request counts
 * at the fault-injecting endpoint. Timing is never asserted tightly: the renewal test checks on which threads token
 * requests ran (exact), and that no call took as long as the endpoint's injected delay (a wide margin).
 */
class ConcurrentTokenAcquisitionTest {

	private static final int CALLERS = 200;

	private FaultInjectingTokenEndpoint endpoint;

	private ExecutorService threads;

	@BeforeEach
	void start() {
		endpoint = FaultInjectingTokenEndpoint.start();
		AtomicInteger count = new AtomicInteger();
		threads = Executors.newFixedThreadPool(CALLERS, runnable -> {
			Thread thread = new Thread(runnable, "caller-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	@AfterEach
	void stop() {
		threads.shutdownNow();
		endpoint.close();
	}

	private TokenEndpointClient endpointClient() {
		return new TokenEndpointClient(BackendApplicationClient.builder("orders-service").insecureTransport(true)
				.build(), TokenEndpointSettings.builder().registrationId("orders").tokenUri(endpoint.tokenUri())
				.clientId("orders-service").clientSecret("s3cr3t").build());
	}

	@Test
	void twoHundredThreadsOnAColdCacheMakeExactlyOneTokenRequest() throws Exception {
		endpoint.setDefault(Responder.issuingTokens(3600).delayedBy(Duration.ofMillis(300)));
		CachingTokenProvider cache = CachingTokenProvider.builder(
				new RetryingTokenProvider(endpointClient(), RetryPolicy.defaults())).registrationId("orders").build();

		List<Future<OAuth2Token>> results = callTogether(cache);

		for (Future<OAuth2Token> result : results) {
			assertThat(result.get(30, TimeUnit.SECONDS).accessToken()).isEqualTo("token-1");
		}
		System.out.println("[measured] cold cache, " + CALLERS + " threads released together: "
				+ endpoint.requestCount() + " token request(s)");
		assertThat(endpoint.requestCount()).isEqualTo(1);
		assertThat(endpoint.maxConcurrentRequests()).isEqualTo(1);
	}

	@Test
	void twoHundredThreadsOnAColdCacheShareOneFailureAndItsRetries() throws Exception {
		endpoint.setDefault(Reply.error(503, "temporarily_unavailable", "maintenance")
				.withDelay(Duration.ofMillis(100)));
		CachingTokenProvider cache = CachingTokenProvider.builder(new RetryingTokenProvider(endpointClient(),
				RetryPolicy.of(3, Duration.ofMillis(20)))).registrationId("orders").build();

		List<Future<OAuth2Token>> results = callTogether(cache);

		Throwable first = null;
		for (Future<OAuth2Token> result : results) {
			Throwable failure = catchThrowable(() -> result.get(30, TimeUnit.SECONDS)).getCause();
			assertThat(failure).isInstanceOf(TokenAcquisitionException.class)
					.hasMessageContaining("HTTP 503, error 'temporarily_unavailable': maintenance");
			if (first == null) {
				first = failure;
			}
			assertThat(failure).isSameAs(first);
		}
		System.out.println("[measured] cold cache, failing server, " + CALLERS + " threads, 3 attempts: "
				+ endpoint.requestCount() + " token request(s)");
		assertThat(endpoint.requestCount()).isEqualTo(3);
		assertThat(endpoint.maxConcurrentRequests()).isEqualTo(1);
	}

	@Test
	void aTwoSecondTokenRenewedUnderSteadyLoadNeverMakesACallerWaitOnTheNetwork() throws Exception {
		Duration endpointDelay = Duration.ofMillis(400);
		endpoint.setDefault(Responder.issuingTokens(2).delayedBy(endpointDelay));
		AtomicInteger fetchesOnCallerThreads = new AtomicInteger();
		AtomicInteger fetchesInBackground = new AtomicInteger();
		TokenEndpointClient client = endpointClient();
		TokenProvider observed = () -> {
			boolean background = Thread.currentThread().getName().startsWith("oauth-token-renewal-");
			(background ? fetchesInBackground : fetchesOnCallerThreads).incrementAndGet();
			return client.token();
		};
		// renew at half the lifetime: the 400 ms request then has 900 ms before the token stops being handed out
		CachingTokenProvider cache = CachingTokenProvider.builder(observed)
				.renewalPolicy(RenewalPolicy.defaults().withRenewalFraction(0.5)).registrationId("orders").build();
		cache.token();
		assertThat(fetchesOnCallerThreads.get()).isEqualTo(1);

		int callers = 8;
		long runNanos = TimeUnit.SECONDS.toNanos(7);
		AtomicLong maxLatency = new AtomicLong();
		AtomicLong calls = new AtomicLong();
		List<Future<?>> loops = new ArrayList<>();
		long end = System.nanoTime() + runNanos;
		for (int i = 0; i < callers; i++) {
			loops.add(threads.submit(() -> {
				while (System.nanoTime() - end < 0) {
					long started = System.nanoTime();
					OAuth2Token token = cache.token();
					long latency = System.nanoTime() - started;
					maxLatency.accumulateAndGet(latency, Math::max);
					calls.incrementAndGet();
					assertThat(token.accessToken()).startsWith("token-");
					LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
				}
				return null;
			}));
		}
		for (Future<?> loop : loops) {
			loop.get(30, TimeUnit.SECONDS);
		}

		System.out.println("[measured] 2 s token, 7 s of steady load by " + callers + " threads: " + calls.get()
				+ " calls, " + endpoint.requestCount() + " token requests (" + fetchesInBackground.get()
				+ " background renewals, " + (fetchesOnCallerThreads.get() - 1)
				+ " fetches on caller threads after the first), longest call "
				+ TimeUnit.NANOSECONDS.toMillis(maxLatency.get()) + " ms (endpoint delay "
				+ endpointDelay.toMillis() + " ms)");
		assertThat(fetchesOnCallerThreads.get()).as("token requests made on caller threads").isEqualTo(1);
		assertThat(fetchesInBackground.get()).as("background renewals").isGreaterThanOrEqualTo(3);
		assertThat(endpoint.requestCount()).isEqualTo(1 + fetchesInBackground.get());
		assertThat(endpoint.maxConcurrentRequests()).isEqualTo(1);
		assertThat(maxLatency.get()).as("longest call, in ns").isLessThan(endpointDelay.toNanos());
	}

	/** Starts {@link #CALLERS} threads that call {@code provider} at the same moment. */
	private List<Future<OAuth2Token>> callTogether(TokenProvider provider) throws InterruptedException {
		CountDownLatch ready = new CountDownLatch(CALLERS);
		CountDownLatch go = new CountDownLatch(1);
		List<Future<OAuth2Token>> results = new ArrayList<>();
		for (int i = 0; i < CALLERS; i++) {
			results.add(threads.submit(() -> {
				ready.countDown();
				go.await();
				return provider.token();
			}));
		}
		assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
		go.countDown();
		return results;
	}
}
