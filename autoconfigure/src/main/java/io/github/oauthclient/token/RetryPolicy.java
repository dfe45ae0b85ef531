package io.github.oauthclient.token;

import java.time.Duration;

/**
 * How often and how patiently a failed token request is tried again: bounded exponential backoff with jitter,
 * honouring the server's {@code Retry-After}.
 *
 * <p>Exists so that a brief authorization-server hiccup (a 503 during a deploy, a 429, a dropped connection) costs
 * a caller a few hundred milliseconds instead of an error, while a server that is really down is not hammered: the
 * number of attempts is bounded, the waits grow, and jitter spreads the instances of a fleet apart. Only failures
 * that {@link TokenAcquisitionException#isRetryable() can succeed later} are retried.
 *
 * @param maxAttempts attempts per token request, the first one included (1 = no retries)
 * @param initialBackoff the wait before the first retry, before jitter
 * @param maxBackoff the longest wait between two attempts, before jitter
 * @param multiplier how much each wait grows over the previous one
 * @param jitter the fraction of each wait that is random: the wait is {@code backoff * (1 - jitter * random)}, so
 * 0.5 means "between half and all of it"
 * @param maxRetryAfter the longest {@code Retry-After} honoured by waiting; a server asking for longer gets no
 * retry now (the caching layer's cool-down keeps callers from asking it in the meantime)
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double multiplier,
		double jitter, Duration maxRetryAfter) {

	private static final RetryPolicy DEFAULTS = new RetryPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(2),
			2.0, 0.5, Duration.ofSeconds(5));

	/** Checks the values; a policy that could wait forever or never try is refused. */
	public RetryPolicy {
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("maxAttempts must be at least 1 (the first attempt), was "
					+ maxAttempts);
		}
		requireNonNegative("initialBackoff", initialBackoff);
		requireNonNegative("maxBackoff", maxBackoff);
		requireNonNegative("maxRetryAfter", maxRetryAfter);
		if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
			throw new IllegalArgumentException("multiplier must be a finite number >= 1, was " + multiplier);
		}
		if (!(jitter >= 0.0 && jitter <= 1.0)) {
			throw new IllegalArgumentException("jitter must be between 0 and 1, was " + jitter);
		}
	}

	/** 3 attempts, waits of about 200 ms then 400 ms (up to 2 s), 50 % jitter, Retry-After honoured up to 5 s. */
	public static RetryPolicy defaults() {
		return DEFAULTS;
	}

	/** One attempt, no retries. */
	public static RetryPolicy noRetries() {
		return DEFAULTS.withMaxAttempts(1);
	}

	/** The defaults with another number of attempts and first wait (the {@code retry.*} properties). */
	public static RetryPolicy of(int maxAttempts, Duration initialBackoff) {
		return new RetryPolicy(maxAttempts, initialBackoff, DEFAULTS.maxBackoff.compareTo(initialBackoff) >= 0
				? DEFAULTS.maxBackoff : initialBackoff, DEFAULTS.multiplier, DEFAULTS.jitter,
				DEFAULTS.maxRetryAfter);
	}

	/** This policy with another number of attempts. */
	public RetryPolicy withMaxAttempts(int maxAttempts) {
		return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, multiplier, jitter, maxRetryAfter);
	}

	/**
	 * The wait before retry number {@code retry} (1 for the first retry).
	 *
	 * @param retry which retry, from 1
	 * @param random a uniformly distributed number in [0, 1)
	 */
	public Duration backoff(int retry, double random) {
		double nanos = initialBackoff.toNanos() * Math.pow(multiplier, retry - 1);
		double capped = Math.min(nanos, maxBackoff.toNanos());
		return Duration.ofNanos((long) (capped * (1.0 - jitter * random)));
	}

	private static void requireNonNegative(String name, Duration value) {
		if (value == null || value.isNegative()) {
			throw new IllegalArgumentException(name + " must be zero or positive, was " + value);
		}
	}
}
