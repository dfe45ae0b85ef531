package io.github.oauthclient.token;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.oauthclient.core.OAuth2Token;
import io.github.oauthclient.testsupport.FakeTicker;

import static io.github.oauthclient.token.TestTokens.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The cache decorator with a fake ticker and a scripted delegate: every timing decision is exact, nothing sleeps.
 * With the default policy a 60 s token is renewed after 45 s and handed out for 57 s.
 */
class CachingTokenProviderTest {

	private final FakeTicker ticker = new FakeTicker();

	private final ManualExecutor executor = new ManualExecutor();

	private final ScriptedTokenProvider delegate = new ScriptedTokenProvider();

	private final ExecutorService threads = Executors.newCachedThreadPool();

	@AfterEach
	void stopThreads() {
		threads.shutdownNow();
	}

	private CachingTokenProvider cache() {
		return cache(RenewalPolicy.defaults());
	}

	private CachingTokenProvider cache(RenewalPolicy policy) {
		return CachingTokenProvider.builder(delegate).renewalPolicy(policy).ticker(ticker).renewalExecutor(executor)
				.registrationId("orders").build();
	}

	@Test
	void freshTokenIsServedFromTheCache() {
		OAuth2Token a = token("A", 60);
		delegate.thenReturn(a);
		CachingTokenProvider cache = cache();
		for (int i = 0; i < 1000; i++) {
			assertThat(cache.token()).isSameAs(a);
		}
		assertThat(delegate.calls()).isEqualTo(1);
		assertThat(delegate.lastThread()).isSameAs(Thread.currentThread());
		assertThat(executor.submitted()).isZero();
	}

	@Test
	void noRenewalBeforeTheWindow() {
		delegate.thenReturn(token("A", 60));
		CachingTokenProvider cache = cache();
		cache.token();
		ticker.advance(Duration.ofMillis(44_999));
		cache.token();
		assertThat(executor.submitted()).isZero();
	}

	@Test
	void oneBackgroundRenewalStartsInTheWindowWhileCallersKeepTheToken() {
		OAuth2Token a = token("A", 60);
		OAuth2Token b = token("B", 60);
		delegate.thenReturn(a).thenReturn(b);
		CachingTokenProvider cache = cache();
		cache.token();
		ticker.advance(Duration.ofSeconds(45));
		for (int i = 0; i < 100; i++) {
			assertThat(cache.token()).isSameAs(a);
		}
		assertThat(executor.submitted()).isEqualTo(1);
		assertThat(delegate.calls()).isEqualTo(1);

		executor.runAll();

		assertThat(delegate.calls()).isEqualTo(2);
		assertThat(cache.token()).isSameAs(b);
		assertThat(executor.submitted()).isEqualTo(1);
	}

	@Test
	void aSlowFetchMovesTheRenewalEarlierSoTheNextOneFinishesInTime() {
		// a 60 s token whose request took 10 s: the next one, if as slow, must start 2 x 10 s before the token
		// stops being handed out (57 s), so at 37 s instead of the policy's 45 s
		OAuth2Token a = token("A", 60);
		delegate.otherwise(() -> {
			ticker.advance(Duration.ofSeconds(10));
			return a;
		});
		CachingTokenProvider cache = cache();
		cache.token();
		ticker.advance(Duration.ofMillis(26_999));
		cache.token();
		assertThat(executor.submitted()).isZero();
		ticker.advance(Duration.ofMillis(1));
		assertThat(cache.token()).isSameAs(a);
		assertThat(executor.submitted()).isEqualTo(1);
	}

	@Test
	void callerBlocksOnlyWhenThereIsNoUsableToken() {
		OAuth2Token b = token("B", 60);
		delegate.thenReturn(token("A", 60)).thenReturn(b);
		CachingTokenProvider cache = cache();
		cache.token();
		ticker.advance(Duration.ofSeconds(57));

		assertThat(cache.token()).isSameAs(b);
		assertThat(delegate.lastThread()).isSameAs(Thread.currentThread());
		assertThat(executor.submitted()).isZero();
	}

	@Test
	void failingRenewalKeepsServingTheStillValidTokenUntilItExpires() {
		OAuth2Token a = token("A", 60);
		TokenAcquisitionException down = serverDown(null);
		delegate.thenReturn(a).otherwise(() -> {
			throw down;
		});
		CachingTokenProvider cache = cache();
		cache.token();
		ticker.advance(Duration.ofSeconds(45));
		assertThat(cache.token()).isSameAs(a);
		executor.runAll();
		assertThat(delegate.calls()).isEqualTo(2);

		// within the cool-down: the old token, and no new renewal
		assertThat(cache.token()).isSameAs(a);
		assertThat(executor.submitted()).isEqualTo(1);

		// after the cool-down: still the old token, and one more renewal attempt
		ticker.advance(Duration.ofSeconds(1));
		assertThat(cache.token()).isSameAs(a);
		assertThat(executor.submitted()).isEqualTo(2);
		executor.runAll();
		assertThat(delegate.calls()).isEqualTo(3);

		// really expired: the renewal's error
		ticker.advance(Duration.ofSeconds(11));
		assertThatThrownBy(cache::token).isSameAs(down);
	}

	@Test
	void afterAFailureCallersWithinTheCoolDownGetTheSameErrorAtOnce() {
		TokenAcquisitionException down = serverDown(null);
		delegate.otherwise(() -> {
			throw down;
		});
		CachingTokenProvider cache = cache();
		for (int i = 0; i < 50; i++) {
			assertThatThrownBy(cache::token).isSameAs(down);
		}
		assertThat(delegate.calls()).isEqualTo(1);

		ticker.advance(Duration.ofSeconds(1));
		assertThatThrownBy(cache::token).isSameAs(down);
		assertThat(delegate.calls()).isEqualTo(2);
	}

	@Test
	void retryAfterLengthensTheCoolDown() {
		TokenAcquisitionException slowDown = serverDown(Duration.ofSeconds(10));
		delegate.otherwise(() -> {
			throw slowDown;
		});
		CachingTokenProvider cache = cache();
		assertThatThrownBy(cache::token).isSameAs(slowDown);
		ticker.advance(Duration.ofSeconds(9));
		assertThatThrownBy(cache::token).isSameAs(slowDown);
		assertThat(delegate.calls()).isEqualTo(1);
		ticker.advance(Duration.ofSeconds(1));
		assertThatThrownBy(cache::token).isSameAs(slowDown);
		assertThat(delegate.calls()).isEqualTo(2);
	}

	@Test
	void aFailureIsNotCachedBeyondTheCoolDown() {
		OAuth2Token a = token("A", 60);
		delegate.thenThrow(serverDown(null)).thenReturn(a);
		CachingTokenProvider cache = cache();
		assertThatThrownBy(cache::token).isInstanceOf(TokenAcquisitionException.class);
		ticker.advance(Duration.ofSeconds(1));
		assertThat(cache.token()).isSameAs(a);
		assertThat(cache.token()).isSameAs(a);
		assertThat(delegate.calls()).isEqualTo(2);
	}

	@Test
	void invalidateDropsExactlyTheRejectedToken() {
		OAuth2Token a = token("A", 60);
		OAuth2Token b = token("B", 60);
		OAuth2Token c = token("C", 60);
		delegate.thenReturn(a).thenReturn(b).thenReturn(c);
		CachingTokenProvider cache = cache();
		assertThat(cache.token()).isSameAs(a);

		cache.invalidate(a);
		assertThat(cache.token()).isSameAs(b);

		// a late 401 for the old token must not throw away the newer one
		cache.invalidate(a);
		assertThat(cache.token()).isSameAs(b);
		assertThat(delegate.calls()).isEqualTo(2);

		// the same access token in another object counts as the same token
		cache.invalidate(token("B", 60));
		assertThat(cache.token()).isSameAs(c);
		assertThat(delegate.calls()).isEqualTo(3);
	}

	@Test
	void tokenWithoutExpiresInLivesForTheDefaultLifetime() {
		delegate.thenReturn(TestTokens.tokenWithoutExpiry("opaque")).otherwise(() -> token("next", 60));
		assertRenewalStartsAfter(cache(RenewalPolicy.defaults().withDefaultLifetime(Duration.ofMinutes(4))),
				Duration.ofSeconds(180));
	}

	@Test
	void jwtExpTimesATokenWithoutExpiresIn() {
		assertRenewalStartsAfter(cacheOfJwtValidFor120Seconds(RenewalPolicy.defaults()), Duration.ofSeconds(90));
	}

	@Test
	void jwtExpIsIgnoredWhenSwitchedOff() {
		assertRenewalStartsAfter(cacheOfJwtValidFor120Seconds(RenewalPolicy.defaults().withJwtExpiry(false)),
				Duration.ofSeconds(225));
	}

	private CachingTokenProvider cacheOfJwtValidFor120Seconds(RenewalPolicy policy) {
		Instant now = Instant.parse("2030-01-01T00:00:00Z");
		delegate.thenReturn(TestTokens.tokenWithoutExpiry(TestTokens.jwt(now.plusSeconds(120))))
				.otherwise(() -> token("next", 60));
		return CachingTokenProvider.builder(delegate).ticker(ticker).renewalExecutor(executor)
				.clock(Clock.fixed(now, ZoneOffset.UTC)).renewalPolicy(policy).build();
	}

	/** Fetches the first token, then checks that its renewal starts exactly {@code renewAfter} later. */
	private void assertRenewalStartsAfter(CachingTokenProvider cache, Duration renewAfter) {
		cache.token();
		ticker.advance(renewAfter.minusMillis(1));
		cache.token();
		assertThat(executor.submitted()).as("renewals before %s", renewAfter).isZero();
		ticker.advance(Duration.ofMillis(1));
		cache.token();
		assertThat(executor.submitted()).as("renewals at %s", renewAfter).isEqualTo(1);
	}

	@Test
	void wallClockJumpsDoNotExpireACachedToken() {
		MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
		OAuth2Token a = token("A", 60);
		delegate.thenReturn(a);
		CachingTokenProvider cache = CachingTokenProvider.builder(delegate).ticker(ticker).renewalExecutor(executor)
				.clock(clock).build();
		cache.token();
		clock.now = clock.now.plus(Duration.ofDays(365));
		assertThat(cache.token()).isSameAs(a);
		clock.now = clock.now.minus(Duration.ofDays(730));
		assertThat(cache.token()).isSameAs(a);
		assertThat(delegate.calls()).isEqualTo(1);
		assertThat(executor.submitted()).isZero();
	}

	@Test
	void tokenThatExpiresOnArrivalIsHandedOutButNotReused() {
		OAuth2Token zero = token("zero", 0);
		OAuth2Token b = token("B", 60);
		delegate.thenReturn(zero).thenReturn(b);
		CachingTokenProvider cache = cache();
		assertThat(cache.token()).isSameAs(zero);
		assertThat(cache.token()).isSameAs(b);
	}

	@Test
	void renewalRunsOnTheCallerWhenTheExecutorRefuses() {
		OAuth2Token b = token("B", 60);
		delegate.thenReturn(token("A", 60)).thenReturn(b);
		CachingTokenProvider cache = CachingTokenProvider.builder(delegate).ticker(ticker).renewalExecutor(task -> {
			throw new RejectedExecutionException("shut down");
		}).build();
		cache.token();
		ticker.advance(Duration.ofSeconds(45));
		cache.token();
		assertThat(delegate.calls()).isEqualTo(2);
		assertThat(cache.token()).isSameAs(b);
	}

	@Test
	void concurrentCallersOnAColdCacheShareOneRequest() throws Exception {
		OAuth2Token a = token("A", 60);
		for (Future<OAuth2Token> result : callersOfAColdCacheWhileTheRequestRuns(() -> a)) {
			assertThat(result.get(10, TimeUnit.SECONDS)).isSameAs(a);
		}
		assertThat(delegate.calls()).isEqualTo(1);
	}

	@Test
	void concurrentCallersOnAColdCacheShareOneError() throws Exception {
		TokenAcquisitionException down = serverDown(null);
		for (Future<OAuth2Token> result : callersOfAColdCacheWhileTheRequestRuns(() -> {
			throw down;
		})) {
			Throwable failure = catchThrowable(() -> result.get(10, TimeUnit.SECONDS));
			assertThat(failure).hasCauseReference(down);
		}
		assertThat(delegate.calls()).isEqualTo(1);
	}

	/**
	 * Starts 32 callers on a cold cache whose delegate holds its first request until all callers are running, then
	 * answers with {@code answer}.
	 */
	private List<Future<OAuth2Token>> callersOfAColdCacheWhileTheRequestRuns(Supplier<OAuth2Token> answer)
			throws InterruptedException {
		CountDownLatch release = new CountDownLatch(1);
		delegate.otherwise(() -> {
			await(release);
			return answer.get();
		});
		CachingTokenProvider cache = cache();
		List<Future<OAuth2Token>> results = startCallers(cache, 32);
		waitUntil(() -> delegate.calls() == 1);
		release.countDown();
		return results;
	}

	@Test
	void theHotPathAllocatesNothing() {
		com.sun.management.ThreadMXBean threadBean = (com.sun.management.ThreadMXBean) ManagementFactory
				.getThreadMXBean();
		OAuth2Token a = token("A", 60);
		delegate.thenReturn(a);
		CachingTokenProvider cache = cache();
		long id = Thread.currentThread().getId();
		int misses = 0;
		for (int i = 0; i < 200_000; i++) {
			misses += (cache.token() == a) ? 0 : 1;
		}
		threadBean.getThreadAllocatedBytes(id);
		long before = threadBean.getThreadAllocatedBytes(id);
		for (int i = 0; i < 1_000_000; i++) {
			misses += (cache.token() == a) ? 0 : 1;
		}
		long allocated = threadBean.getThreadAllocatedBytes(id) - before;
		System.out.println("[measured] hot path: " + allocated + " bytes allocated by 1,000,000 calls");
		// a single allocation per call would be at least 16 MB here; the measurement itself costs a few bytes
		assertThat(allocated).as("bytes allocated by 1,000,000 hot-path calls").isLessThan(4096);
		assertThat(misses).isZero();
	}

	private List<Future<OAuth2Token>> startCallers(CachingTokenProvider cache, int count) {
		CountDownLatch start = new CountDownLatch(1);
		List<Future<OAuth2Token>> results = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			results.add(threads.submit(() -> {
				start.await();
				return cache.token();
			}));
		}
		start.countDown();
		return results;
	}

	private static TokenAcquisitionException serverDown(Duration retryAfter) {
		return TokenAcquisitionException.builder("orders", "https://idp.example.com/token").httpStatus(503)
				.reason("down for maintenance").retryable(true).retryAfter(retryAfter).build();
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("condition not reached within 10 s");
			}
			Thread.sleep(5);
		}
	}

	/** A wall clock a test can set. */
	private static final class MutableClock extends Clock {

		volatile Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}
	}
}
