package io.github.oauthclient.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.github.oauthclient.core.OAuth2Token;

/**
 * When a cached token is renewed, how long it counts as usable, what lifetime a token without {@code expires_in}
 * gets, and how long callers are spared new requests after a failure.
 *
 * <p>Exists because one fixed clock skew cannot serve every lifetime: 60 seconds is sensible for a 1-hour token and
 * makes a 60-second token "expired" on arrival. Here the renewal window is a fraction of the lifetime, capped:
 * with the defaults (a quarter, at most 5 minutes) a 10 s token is renewed after 7.5 s, a 60 s token after 45 s, a
 * 1 h token after 55 minutes and a 24 h token 5 minutes before it expires. Renewal happens in the background while
 * callers keep the current token; callers block only when there is no usable token at all.
 *
 * <p>A token counts as usable until its lifetime, measured from the moment its request was sent, minus a small
 * margin for the trip to the resource server (a twentieth of the lifetime, at most 5 seconds).
 *
 * @param renewalFraction the share of the lifetime, at its end, during which the token is renewed (0 to 1)
 * @param maxRenewalWindow the longest renewal window, whatever the lifetime (the {@code renew-before-expiry}
 * property)
 * @param defaultLifetime the lifetime assumed for a token whose response has no {@code expires_in} (and no JWT
 * {@code exp}, when {@code useJwtExpiry} is set)
 * @param useJwtExpiry whether the {@code exp} claim of a JWT access token (read, not verified) gives the lifetime of
 * a response without {@code expires_in}
 * @param failureCoolDown how long after a failed request callers get the same error at once instead of starting a
 * new request (longer when the server sent {@code Retry-After}, up to a minute)
 */
public record RenewalPolicy(double renewalFraction, Duration maxRenewalWindow, Duration defaultLifetime,
		boolean useJwtExpiry, Duration failureCoolDown) {

	private static final double EXPIRY_MARGIN_FRACTION = 0.05;

	private static final long MAX_EXPIRY_MARGIN_NANOS = Duration.ofSeconds(5).toNanos();

	private static final Duration MAX_RETRY_AFTER_COOL_DOWN = Duration.ofMinutes(1);

	/** Longer lifetimes are treated as this (keeps nanosecond arithmetic far from overflow). */
	private static final Duration MAX_LIFETIME = Duration.ofDays(100L * 365);

	private static final RenewalPolicy DEFAULTS = new RenewalPolicy(0.25, Duration.ofMinutes(5),
			Duration.ofMinutes(5), true, Duration.ofSeconds(1));

	/** Checks the values. */
	public RenewalPolicy {
		if (!(renewalFraction >= 0.0 && renewalFraction <= 1.0)) {
			throw new IllegalArgumentException("renewalFraction must be between 0 and 1, was " + renewalFraction);
		}
		requireNonNegative("maxRenewalWindow", maxRenewalWindow);
		requireNonNegative("failureCoolDown", failureCoolDown);
		if (defaultLifetime == null || defaultLifetime.isNegative() || defaultLifetime.isZero()) {
			throw new IllegalArgumentException("defaultLifetime must be positive, was " + defaultLifetime);
		}
	}

	/** Renew in the last quarter of the lifetime (at most 5 minutes), 5-minute default lifetime, JWT exp used, 1 s
	 * cool-down. */
	public static RenewalPolicy defaults() {
		return DEFAULTS;
	}

	/** This policy with another renewal fraction. */
	public RenewalPolicy withRenewalFraction(double fraction) {
		return new RenewalPolicy(fraction, maxRenewalWindow, defaultLifetime, useJwtExpiry, failureCoolDown);
	}

	/** This policy with another cap on the renewal window (the {@code renew-before-expiry} property). */
	public RenewalPolicy withMaxRenewalWindow(Duration window) {
		return new RenewalPolicy(renewalFraction, window, defaultLifetime, useJwtExpiry, failureCoolDown);
	}

	/** This policy with another lifetime for tokens without {@code expires_in}. */
	public RenewalPolicy withDefaultLifetime(Duration lifetime) {
		return new RenewalPolicy(renewalFraction, maxRenewalWindow, lifetime, useJwtExpiry, failureCoolDown);
	}

	/** This policy with or without JWT {@code exp} timing. */
	public RenewalPolicy withJwtExpiry(boolean use) {
		return new RenewalPolicy(renewalFraction, maxRenewalWindow, defaultLifetime, use, failureCoolDown);
	}

	/** This policy with another failure cool-down. */
	public RenewalPolicy withFailureCoolDown(Duration coolDown) {
		return new RenewalPolicy(renewalFraction, maxRenewalWindow, defaultLifetime, useJwtExpiry, coolDown);
	}

	/**
	 * The lifetime of a freshly obtained token: {@code expires_in}; else, if allowed, the time left until its JWT
	 * {@code exp} by {@code clock} (when that is positive); else {@link #defaultLifetime()}.
	 */
	public Duration lifetimeOf(OAuth2Token token, Clock clock) {
		Long expiresIn = token.expiresIn();
		if (expiresIn != null) {
			return capped(Duration.ofSeconds(Math.max(0L, Math.min(expiresIn, MAX_LIFETIME.getSeconds()))));
		}
		if (useJwtExpiry) {
			Optional<Instant> exp = JwtExpiry.expiresAt(token.accessToken());
			if (exp.isPresent()) {
				Duration left = Duration.between(clock.instant(), exp.get());
				if (!left.isNegative() && !left.isZero()) {
					return capped(left);
				}
			}
		}
		return capped(defaultLifetime);
	}

	/** After how many nanoseconds of a token's lifetime its renewal starts. */
	public long renewAfterNanos(long lifetimeNanos) {
		long window = Math.min((long) (lifetimeNanos * renewalFraction), maxRenewalWindow.toNanos());
		return Math.min(lifetimeNanos - window, usableForNanos(lifetimeNanos));
	}

	/** For how many nanoseconds of its lifetime a token is handed out. */
	public long usableForNanos(long lifetimeNanos) {
		return lifetimeNanos - Math.min((long) (lifetimeNanos * EXPIRY_MARGIN_FRACTION), MAX_EXPIRY_MARGIN_NANOS);
	}

	/** How long callers get the same error at once after {@code failure}. */
	public Duration coolDownAfter(RuntimeException failure) {
		if (failure instanceof TokenAcquisitionException acquisition) {
			Duration retryAfter = acquisition.retryAfter().orElse(Duration.ZERO);
			if (retryAfter.compareTo(MAX_RETRY_AFTER_COOL_DOWN) > 0) {
				retryAfter = MAX_RETRY_AFTER_COOL_DOWN;
			}
			if (retryAfter.compareTo(failureCoolDown) > 0) {
				return retryAfter;
			}
		}
		return failureCoolDown;
	}

	private static Duration capped(Duration lifetime) {
		return (lifetime.compareTo(MAX_LIFETIME) > 0) ? MAX_LIFETIME : lifetime;
	}

	private static void requireNonNegative(String name, Duration value) {
		if (value == null || value.isNegative()) {
			throw new IllegalArgumentException(name + " must be zero or positive, was " + value);
		}
	}
}
