package io.github.oauthclient.token.store;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.github.oauthclient.core.OAuth2Token;
import io.github.oauthclient.token.RenewalPolicy;
import io.github.oauthclient.token.Ticker;
import io.github.oauthclient.token.TokenProvider;

/**
 * A {@link TokenProvider} decorator that shares one token among all instances of a service through a
 * {@link TokenStore}, with a fleet-wide single flight: the second level of the cache, behind
 * {@link io.github.oauthclient.token.CachingTokenProvider}.
 *
 * <p>Exists because 50 replicas each asking for a token (and 50 more at every renewal) exhaust metered or throttled
 * token endpoints. The per-instance cache stays in front: a caller with a fresh local token never gets here. Here,
 * when the local cache needs a token:
 * <ul>
 * <li>a shared token that is not yet in its renewal window ({@link RenewalPolicy}, applied to its whole lifetime) is
 * returned, with {@code expires_in} set to the time it has left;</li>
 * <li>otherwise one instance wins a lock in the store ({@code SET NX PX} with a unique owner value, expiring after the
 * lock timeout in case the holder dies, released only by its owner), fetches from the delegate and stores the result
 * with a time to live equal to its remaining lifetime; the others poll the store for up to the wait timeout, then
 * fetch for themselves (the holder died or is slow);</li>
 * <li>if the store fails or is slow, the delegate is asked directly: callers never fail because of the store and wait
 * for it at most one store timeout; the store is left alone for a retry interval ({@link StoreHealth}).</li>
 * </ul>
 *
 * <p>Time across JVMs: the stored instants are wall-clock epoch milliseconds of the fetching instance. The time left
 * is the earlier of the stored expiry by the local clock and the store's own time to live (Redis {@code PTTL}); when
 * the two disagree by more than {@value #SKEW_WARNING_MILLIS} ms the local clock is off, which is reported once, and
 * the store's time to live (one clock for the whole fleet) is used alone. Never more than the token's lifetime (a
 * sanity bound against a store or clock gone wrong).
 */
public final class SharedTokenProvider implements TokenProvider {

	private static final Log logger = LogFactory.getLog(SharedTokenProvider.class);

	static final long SKEW_WARNING_MILLIS = 2000;

	private final TokenProvider delegate;

	private final TokenStore store;

	private final SharedTokenCodec codec;

	private final RenewalPolicy policy;

	private final SharedTokenSettings settings;

	private final StoreHealth health;

	private final Clock clock;

	private final Ticker ticker;

	private final String registrationId;

	private final String tokenKey;

	private final String lockKey;

	private volatile boolean unreadableReported;

	private volatile boolean skewReported;

	SharedTokenProvider(String registrationId, String tokenKey, String lockKey, TokenProvider delegate,
			TokenStore store, SharedTokenCodec codec, RenewalPolicy policy, SharedTokenSettings settings,
			StoreHealth health, Clock clock, Ticker ticker) {
		this.registrationId = registrationId;
		this.tokenKey = tokenKey;
		this.lockKey = lockKey;
		this.delegate = Objects.requireNonNull(delegate, "delegate");
		this.store = store;
		this.codec = codec;
		this.policy = policy;
		this.settings = settings;
		this.health = health;
		this.clock = clock;
		this.ticker = ticker;
	}

	/** The key under which the token is shared. */
	public String tokenKey() {
		return tokenKey;
	}

	/** The key of the lock that elects the instance which fetches. */
	public String lockKey() {
		return lockKey;
	}

	@Override
	public OAuth2Token token() {
		if (!health.worthTrying()) {
			return delegate.token();
		}
		Shared shared;
		try {
			shared = readShared();
		}
		catch (RuntimeException ex) {
			storeFailed(ex);
			return delegate.token();
		}
		health.succeeded();
		if (shared != null && !shared.due) {
			return shared.token;
		}
		return fetchOnceForTheFleet();
	}

	@Override
	public void invalidate(OAuth2Token rejected) {
		delegate.invalidate(rejected);
		if (rejected == null || !health.worthTrying()) {
			return;
		}
		try {
			StoredValue stored = store.read(tokenKey);
			if (stored != null && Objects.equals(decodeOrNull(stored.value()), rejected.accessToken())) {
				store.deleteIfEquals(tokenKey, stored.value());
			}
			health.succeeded();
		}
		catch (RuntimeException ex) {
			storeFailed(ex);
		}
	}

	@Override
	public String toString() {
		return "SharedTokenProvider[registration=" + registrationId + ", key=" + tokenKey + ", " + store + "]";
	}

	/**
	 * The shared token is missing or due for renewal: fetch under the fleet's lock, or wait for the holder's result,
	 * or (the holder died, or the store failed) fetch without it.
	 */
	private OAuth2Token fetchOnceForTheFleet() {
		byte[] owner = UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8);
		long deadline = ticker.read() + settings.waitTimeout().toNanos();
		Shared seen = null;
		for (;;) {
			boolean locked;
			try {
				locked = store.writeIfAbsent(lockKey, owner, settings.lockTimeout());
			}
			catch (RuntimeException ex) {
				storeFailed(ex);
				return delegate.token();
			}
			if (locked) {
				return fetchUnderLock(owner);
			}
			if (!pause()) {
				return (seen != null && seen.usable) ? seen.token : delegate.token();
			}
			try {
				seen = readShared();
			}
			catch (RuntimeException ex) {
				storeFailed(ex);
				return delegate.token();
			}
			if (seen != null && !seen.due) {
				return seen.token;
			}
			if (ticker.read() - deadline >= 0) {
				if (seen != null && seen.usable) {
					return seen.token;
				}
				logger.debug("No shared token for registration '" + registrationId + "' after waiting "
						+ settings.waitTimeout().toMillis() + " ms for the instance holding the lock; fetching one");
				return fetchAndShare();
			}
		}
	}

	private OAuth2Token fetchUnderLock(byte[] owner) {
		try {
			Shared shared = readShared();
			if (shared != null && !shared.due) {
				return shared.token;
			}
			return fetchAndShare();
		}
		catch (RuntimeException ex) {
			if (ex instanceof StoreFailure failure) {
				storeFailed(failure.cause());
				return delegate.token();
			}
			throw ex;
		}
		finally {
			release(owner);
		}
	}

	/** Asks the delegate and stores the token for the fleet (a store failure loses only the sharing). */
	private OAuth2Token fetchAndShare() {
		long issuedAt = clock.millis();
		OAuth2Token token = delegate.token();
		long lifetime = policy.lifetimeOf(token, clock).toMillis();
		long left = issuedAt + lifetime - clock.millis();
		if (left > 0 && token.accessToken() != null) {
			SharedToken shared = new SharedToken(token.parameters(), issuedAt, issuedAt + lifetime);
			try {
				store.write(tokenKey, codec.encode(tokenKey, shared), Duration.ofMillis(left));
				health.succeeded();
			}
			catch (RuntimeException ex) {
				storeFailed(ex);
			}
		}
		return token;
	}

	private void release(byte[] owner) {
		try {
			store.deleteIfEquals(lockKey, owner);
		}
		catch (RuntimeException ex) {
			// the lock expires by itself after the lock timeout
			storeFailed(ex);
		}
	}

	/**
	 * The shared token, or null when absent, unreadable or expired. Store failures are thrown, wrapped in a
	 * {@link StoreFailure} so that they cannot be mistaken for the delegate's.
	 */
	private Shared readShared() {
		StoredValue stored;
		try {
			stored = store.read(tokenKey);
		}
		catch (RuntimeException ex) {
			throw new StoreFailure(ex);
		}
		if (stored == null) {
			return null;
		}
		SharedToken token;
		try {
			token = codec.decode(tokenKey, stored.value());
		}
		catch (IllegalArgumentException ex) {
			reportUnreadable(ex);
			return null;
		}
		long lifetime = token.lifetimeMillis();
		if (lifetime <= 0) {
			return null;
		}
		long now = clock.millis();
		long byWallClock = token.expiresAtEpochMillis() - now;
		long left = byWallClock;
		if (stored.ttlMillis() >= 0) {
			// clocks that agree: the earlier of the two (a SET that Redis executed late set a late TTL);
			// clocks that do not: the store's, which is one clock for the whole fleet
			left = Math.min(stored.ttlMillis(), byWallClock);
			if (Math.abs(byWallClock - stored.ttlMillis()) > SKEW_WARNING_MILLIS) {
				reportSkew(byWallClock - stored.ttlMillis());
				left = stored.ttlMillis();
			}
		}
		left = Math.min(left, lifetime);
		if (left < 1000) {
			return null;
		}
		long elapsedNanos = TimeUnit.MILLISECONDS.toNanos(lifetime - left);
		long lifetimeNanos = TimeUnit.MILLISECONDS.toNanos(lifetime);
		boolean due = elapsedNanos >= policy.renewAfterNanos(lifetimeNanos);
		boolean usable = elapsedNanos < policy.usableForNanos(lifetimeNanos);
		OAuth2Token rebuilt;
		try {
			rebuilt = rebuild(token, left, now);
		}
		catch (IllegalArgumentException ex) {
			reportUnreadable(ex);
			return null;
		}
		return new Shared(rebuilt, due, usable);
	}

	/** The stored token with {@code expires_in} and oauthlib's {@code expires_at} set to the time it has left. */
	private static OAuth2Token rebuild(SharedToken token, long leftMillis, long nowMillis) {
		Map<String, Object> parameters = new LinkedHashMap<>(token.parameters());
		parameters.put("expires_in", leftMillis / 1000);
		parameters.put("expires_at", (double) ((nowMillis + leftMillis) / 1000));
		return OAuth2Token.of(parameters);
	}

	private String decodeOrNull(byte[] value) {
		try {
			Object accessToken = codec.decode(tokenKey, value).parameters().get("access_token");
			return (accessToken instanceof String s) ? s : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** Sleeps one poll interval (with jitter); false when interrupted. */
	private boolean pause() {
		long base = settings.pollInterval().toMillis();
		try {
			Thread.sleep(base + ThreadLocalRandom.current().nextLong(base / 2 + 1));
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private void storeFailed(RuntimeException ex) {
		health.failed((ex instanceof StoreFailure failure) ? failure.cause() : ex);
	}

	private void reportUnreadable(IllegalArgumentException ex) {
		if (!unreadableReported) {
			unreadableReported = true;
			logger.warn("The shared token of registration '" + registrationId + "' under " + tokenKey
					+ " cannot be read (" + ex.getMessage() + "; do all instances use the same"
					+ " oauth.client.cache.encryption-key?); it will be replaced");
		}
	}

	private void reportSkew(long differenceMillis) {
		if (!skewReported) {
			skewReported = true;
			logger.warn("This instance's clock differs from the one that stored the shared token of registration '"
					+ registrationId + "' by about " + (differenceMillis / 1000) + " s (judged by the store's time to"
					+ " live); using the store's time. Check NTP on the hosts.");
		}
	}

	/** A shared token rebuilt for local use, whether it is in its renewal window, and whether it may still be used. */
	private record Shared(OAuth2Token token, boolean due, boolean usable) {
	}

	/** A store failure inside a path that also calls the delegate. */
	private static final class StoreFailure extends RuntimeException {

		private static final long serialVersionUID = 1L;

		StoreFailure(RuntimeException cause) {
			super(cause.getMessage(), cause, false, false);
		}

		RuntimeException cause() {
			return (RuntimeException) getCause();
		}
	}
}
