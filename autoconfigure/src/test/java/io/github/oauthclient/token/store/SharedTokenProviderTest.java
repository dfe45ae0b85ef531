package io.github.oauthclient.token.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import ch.qos.logback.classic.Level;
import io.github.oauthclient.core.OAuth2Token;
import io.github.oauthclient.testsupport.FakeTicker;
import io.github.oauthclient.testsupport.LogCapture;
import io.github.oauthclient.token.RenewalPolicy;
import io.github.oauthclient.token.Ticker;
import io.github.oauthclient.token.TokenEndpointSettings;
import io.github.oauthclient.token.TokenProvider;

/**
 * The fleet-wide single flight on the in-memory store: instances are {@link SharedTokenCache}s on one store, each
 * with its own counting delegate; time is a fake ticker that also drives the wall clocks (one may be skewed).
 */
class SharedTokenProviderTest {

	private static final TokenEndpointSettings ENDPOINT = TokenEndpointSettings.builder()
		.registrationId("orders")
		.tokenUri("https://idp.example.com/token")
		.clientId("orders-client")
		.clientSecret("s3cr3t")
		.build();

	private final FakeTicker ticker = new FakeTicker();

	private final InMemoryTokenStore store = new InMemoryTokenStore(ticker);

	private final AtomicInteger fetches = new AtomicInteger();

	@Test
	void anotherInstanceGetsTheSharedTokenWithTheTimeItHasLeft() {
		TokenProvider first = instance(store, Duration.ZERO);
		TokenProvider second = instance(store, Duration.ZERO);

		assertThat(first.token().accessToken()).isEqualTo("token-1");
		ticker.advance(Duration.ofSeconds(30));
		OAuth2Token shared = second.token();

		assertThat(shared.accessToken()).isEqualTo("token-1");
		assertThat(shared.tokenType()).isEqualTo("Bearer");
		assertThat(shared.expiresIn()).isEqualTo(70L);
		assertThat(fetches).hasValue(1);
	}

	@Test
	void oneFetchPerRenewalWindowWhicheverInstanceAsks() {
		TokenProvider first = instance(store, Duration.ZERO);
		TokenProvider second = instance(store, Duration.ZERO);
		first.token();

		ticker.advance(Duration.ofSeconds(74)); // the default window of a 100 s token opens at 75 s
		assertThat(second.token().accessToken()).isEqualTo("token-1");
		ticker.advance(Duration.ofSeconds(2));
		assertThat(second.token().accessToken()).isEqualTo("token-2");
		assertThat(first.token().accessToken()).isEqualTo("token-2");
		assertThat(fetches).hasValue(2);
	}

	@Test
	void keysNameRegistrationAndFingerprintButNoSecret() {
		SharedTokenProvider provider = instance(store, Duration.ZERO);
		assertThat(provider.tokenKey()).matches("oauth-client:token:orders:[0-9a-f]{16}");
		assertThat(provider.lockKey()).isEqualTo(provider.tokenKey().replace(":token:", ":lock:"));
		String other = SharedTokenCache.fingerprint(ENDPOINT, List.of("write"));
		assertThat(SharedTokenCache.fingerprint(ENDPOINT, List.of())).isNotEqualTo(other);
		assertThat(SharedTokenCache.fingerprint(ENDPOINT, List.of("b", "a")))
			.isEqualTo(SharedTokenCache.fingerprint(ENDPOINT, List.of("a", "b")));
		provider.token();
		assertThat(store.read(provider.lockKey())).as("the lock is released").isNull();
	}

	@Test
	void waitersGetTheLockHoldersToken() throws Exception {
		InMemoryTokenStore realTime = new InMemoryTokenStore();
		CountDownLatch holding = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		AtomicInteger holderFetches = new AtomicInteger();
		SharedTokenCache holderCache = cache(realTime, Duration.ZERO, Duration.ofSeconds(10), Ticker.SYSTEM);
		TokenProvider holder = holderCache.share(ENDPOINT, List.of(), () -> {
			holding.countDown();
			await(release);
			return token("held-" + holderFetches.incrementAndGet());
		}, RenewalPolicy.defaults());
		SharedTokenProvider waiter = cache(realTime, Duration.ZERO, Duration.ofSeconds(10), Ticker.SYSTEM)
			.share(ENDPOINT, List.of(), this::fetch, RenewalPolicy.defaults());

		CompletableFuture<OAuth2Token> holderResult = CompletableFuture.supplyAsync(holder::token);
		assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
		CompletableFuture<OAuth2Token> waiterResult = CompletableFuture.supplyAsync(waiter::token);
		Thread.sleep(200);
		assertThat(waiterResult).as("the waiter waits for the holder").isNotDone();
		release.countDown();

		assertThat(waiterResult.get(10, TimeUnit.SECONDS).accessToken()).isEqualTo("held-1");
		assertThat(holderResult.get(10, TimeUnit.SECONDS).accessToken()).isEqualTo("held-1");
		assertThat(fetches).hasValue(0);
	}

	@Test
	void whenTheLockHolderDiedWaitersFetchAfterTheWaitTimeoutAndShareTheirToken() {
		InMemoryTokenStore realTime = new InMemoryTokenStore();
		SharedTokenProvider waiter = cache(realTime, Duration.ZERO, Duration.ofMillis(300), Ticker.SYSTEM)
			.share(ENDPOINT, List.of(), this::fetch, RenewalPolicy.defaults());
		realTime.writeIfAbsent(waiter.lockKey(), "dead-instance".getBytes(), Duration.ofMinutes(1));

		assertThat(waiter.token().accessToken()).isEqualTo("token-1");
		assertThat(fetches).hasValue(1);
		assertThat(realTime.read(waiter.tokenKey())).as("shared for the others").isNotNull();
		assertThat(new String(realTime.read(waiter.lockKey()).value())).as("another owner's lock stays")
			.isEqualTo("dead-instance");
	}

	@Test
	void aFailedFetchReleasesTheLockAndIsThrown() {
		SharedTokenProvider failing = cache(store, Duration.ZERO, Duration.ofSeconds(5), ticker)
			.share(ENDPOINT, List.of(), () -> {
				throw new IllegalStateException("endpoint down");
			}, RenewalPolicy.defaults());
		assertThatIllegalStateException().isThrownBy(failing::token).withMessage("endpoint down");
		assertThat(store.read(failing.lockKey())).isNull();
		assertThat(instance(store, Duration.ZERO).token().accessToken()).isEqualTo("token-1");
	}

	@Test
	void aFailingStoreMeansPerInstanceFetchingWithOneWarningAndOneNoteWhenItIsBack() {
		FlakyStore flaky = new FlakyStore(store);
		TokenProvider provider = instance(flaky, Duration.ZERO);
		try (LogCapture log = LogCapture.atTrace(SharedTokenProvider.class.getName())) {
			flaky.failing = true;
			OAuth2Token first = provider.token();
			provider.invalidate(first);
			OAuth2Token second = provider.token();
			assertThat(flaky.calls).as("left alone for the retry interval").hasValue(1);
			ticker.advance(Duration.ofSeconds(6));
			provider.token();
			assertThat(flaky.calls).hasValue(2);
			assertThat(List.of(first.accessToken(), second.accessToken())).containsExactly("token-1", "token-2");
			assertThat(count(log, Level.WARN)).isEqualTo(1);

			flaky.failing = false;
			ticker.advance(Duration.ofSeconds(6));
			assertThat(provider.token().accessToken()).isEqualTo("token-4");
			assertThat(store.read(((SharedTokenProvider) provider).tokenKey())).isNotNull();
			assertThat(count(log, Level.INFO)).isEqualTo(1);
			assertThat(count(log, Level.WARN)).isEqualTo(1);
		}
	}

	@Test
	void aSkewedClockIsReportedAndTheStoresTimeToLiveIsUsed() {
		TokenProvider first = instance(store, Duration.ZERO);
		TokenProvider ahead = instance(store, Duration.ofHours(1));
		TokenProvider behind = instance(store, Duration.ofHours(-1));
		first.token();
		ticker.advance(Duration.ofSeconds(10));
		try (LogCapture log = LogCapture.atTrace(SharedTokenProvider.class.getName())) {
			assertThat(ahead.token().expiresIn()).isEqualTo(90L);
			assertThat(behind.token().expiresIn()).isEqualTo(90L);
			assertThat(fetches).hasValue(1);
			assertThat(log.text()).contains("clock differs");
		}
	}

	@Test
	void theTimeLeftNeverExceedsTheLifetime() {
		TokenProvider first = instance(store, Duration.ZERO);
		first.token();
		TokenStore inflating = new FlakyStore(store) {
			@Override
			public StoredValue read(String key) {
				StoredValue value = super.read(key);
				return (value != null) ? new StoredValue(value.value(), Duration.ofDays(10).toMillis()) : null;
			}
		};
		assertThat(instance(inflating, Duration.ZERO).token().expiresIn()).isEqualTo(100L);
	}

	@Test
	void withAgreeingClocksALateTimeToLiveDoesNotExtendTheToken() {
		instance(store, Duration.ZERO).token();
		ticker.advance(Duration.ofSeconds(10));
		TokenStore late = new FlakyStore(store) {
			@Override
			public StoredValue read(String key) {
				StoredValue value = super.read(key);
				return (value != null) ? new StoredValue(value.value(), value.ttlMillis() + 1500) : null;
			}
		};
		assertThat(instance(late, Duration.ZERO).token().expiresIn()).isEqualTo(90L);
		assertThat(fetches).hasValue(1);
	}

	private SharedTokenProvider instance(TokenStore on, Duration clockSkew) {
		return cache(on, clockSkew, Duration.ofSeconds(5), ticker).share(ENDPOINT, List.of(), this::fetch,
				RenewalPolicy.defaults());
	}

	private static SharedTokenCache cache(TokenStore on, Duration clockSkew, Duration waitTimeout, Ticker ticker) {
		SharedTokenSettings settings = new SharedTokenSettings("oauth-client:", Duration.ofSeconds(10), waitTimeout,
				Duration.ofMillis(10), Duration.ofSeconds(5));
		return new SharedTokenCache(on, null, settings, new TickerClock(ticker, clockSkew), ticker);
	}

	private OAuth2Token fetch() {
		return token("token-" + fetches.incrementAndGet());
	}

	private static OAuth2Token token(String accessToken) {
		return OAuth2Token.of(Map.of("access_token", accessToken, "token_type", "Bearer", "expires_in", 100));
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static long count(LogCapture log, Level level) {
		return log.events().stream().filter((event) -> event.getLevel() == level).count();
	}

	/** A store that fails on demand and counts the calls that reached it. */
	private static class FlakyStore implements TokenStore {

		private final TokenStore target;

		volatile boolean failing;

		final AtomicInteger calls = new AtomicInteger();

		FlakyStore(TokenStore target) {
			this.target = target;
		}

		private void maybeFail() {
			calls.incrementAndGet();
			if (failing) {
				throw new TokenStoreUnavailableException("store down", null);
			}
		}

		@Override
		public StoredValue read(String key) {
			maybeFail();
			return target.read(key);
		}

		@Override
		public void write(String key, byte[] value, Duration ttl) {
			maybeFail();
			target.write(key, value, ttl);
		}

		@Override
		public boolean writeIfAbsent(String key, byte[] value, Duration ttl) {
			maybeFail();
			return target.writeIfAbsent(key, value, ttl);
		}

		@Override
		public boolean deleteIfEquals(String key, byte[] expected) {
			maybeFail();
			return target.deleteIfEquals(key, expected);
		}
	}

	/** A wall clock that moves with a ticker, possibly skewed. */
	private static final class TickerClock extends Clock {

		private static final long BASE = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

		private final Ticker ticker;

		private final Duration skew;

		TickerClock(Ticker ticker, Duration skew) {
			this.ticker = ticker;
			this.skew = skew;
		}

		@Override
		public long millis() {
			return BASE + skew.toMillis() + TimeUnit.NANOSECONDS.toMillis(ticker.read());
		}

		@Override
		public Instant instant() {
			return Instant.ofEpochMilli(millis());
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}
	}
}
