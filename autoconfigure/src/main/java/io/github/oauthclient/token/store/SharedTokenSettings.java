package io.github.oauthclient.token.store;

import java.time.Duration;
import java.util.Objects;

/**
 * How the instances of a fleet coordinate through the shared store.
 *
 * <p>Exists to keep the timing knobs of {@link SharedTokenProvider} together, with their defaults in one place.
 *
 * @param keyPrefix the prefix of every key (default {@code oauth-client:})
 * @param lockTimeout how long the fetch lock lives if its holder never releases it (default 10 s; longer than a
 * token request with its retries should take)
 * @param waitTimeout how long an instance waits for the lock holder's token before fetching one itself (default 5 s)
 * @param pollInterval how often a waiting instance looks for the holder's token (default 50 ms, plus jitter)
 * @param retryInterval how long an unavailable store is left alone before it is tried again (default 5 s)
 */
public record SharedTokenSettings(String keyPrefix, Duration lockTimeout, Duration waitTimeout, Duration pollInterval,
		Duration retryInterval) {

	private static final SharedTokenSettings DEFAULTS = new SharedTokenSettings("oauth-client:",
			Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofMillis(50), Duration.ofSeconds(5));

	/** Checks the values. */
	public SharedTokenSettings {
		Objects.requireNonNull(keyPrefix, "keyPrefix");
		requirePositive("lockTimeout", lockTimeout);
		requirePositive("pollInterval", pollInterval);
		requirePositive("retryInterval", retryInterval);
		if (waitTimeout == null || waitTimeout.isNegative()) {
			throw new IllegalArgumentException("waitTimeout must be zero or positive, was " + waitTimeout);
		}
	}

	/** The defaults. */
	public static SharedTokenSettings defaults() {
		return DEFAULTS;
	}

	private static void requirePositive(String name, Duration value) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException(name + " must be positive, was " + value);
		}
	}
}
