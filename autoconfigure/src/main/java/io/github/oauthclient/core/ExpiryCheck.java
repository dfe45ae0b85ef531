package io.github.oauthclient.core;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;

/**
 * oauthlib's time arithmetic: "now" is epoch seconds as a float ({@code time.time()}), and a token is expired
 * when {@code _expires_at and _expires_at < now}: strictly less, and an {@code _expires_at} of 0 never expires.
 * Python compares an int with a float exactly; so does {@link #isExpired(Number, double)}.
 */
final class ExpiryCheck {

	private static final long EXACT_DOUBLE_LIMIT = 1L << 53;

	private ExpiryCheck() {
	}

	/** {@code time.time()} read from {@code clock}. */
	static double now(Clock clock) {
		Instant instant = clock.instant();
		return instant.getEpochSecond() + instant.getNano() / 1e9;
	}

	/** {@code bool(expiresAt) and expiresAt < now} for a Python int or float (null is falsy). */
	static boolean isExpired(Number expiresAt, double now) {
		if (expiresAt == null) {
			return false;
		}
		if (expiresAt instanceof Double d) {
			return d != 0.0 && d < now;
		}
		if (expiresAt instanceof Long l) {
			if (l == 0) {
				return false;
			}
			if (Math.abs(l) < EXACT_DOUBLE_LIMIT) {
				return l < now;
			}
		}
		BigInteger big = (expiresAt instanceof BigInteger b) ? b : BigInteger.valueOf(expiresAt.longValue());
		return big.signum() != 0 && new BigDecimal(big).compareTo(new BigDecimal(now)) < 0;
	}

}
