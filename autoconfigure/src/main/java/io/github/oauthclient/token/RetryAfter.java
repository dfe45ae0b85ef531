package io.github.oauthclient.token;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads an HTTP {@code Retry-After} header (RFC 9110 section 10.2.3): delay-seconds or an HTTP-date.
 *
 * <p>Exists so that a server's request to back off (429, 503) is honoured by the retries and the cache cool-down.
 * An HTTP-date is turned into a delay with the wall clock, which is what the server meant.
 */
final class RetryAfter {

	/** Beyond this a delay is treated as this: a day is "not now" for any caller. */
	private static final Duration MAX = Duration.ofDays(1);

	private RetryAfter() {
	}

	/** The delay the header asks for, or {@code null} when it is absent or unreadable. */
	static Duration parse(String value, Clock clock) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String trimmed = value.trim();
		if (trimmed.chars().allMatch(c -> c >= '0' && c <= '9')) {
			return (trimmed.length() > 9) ? MAX : min(Duration.ofSeconds(Long.parseLong(trimmed)));
		}
		try {
			ZonedDateTime date = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME);
			Duration delay = Duration.between(clock.instant(), date.toInstant());
			return delay.isNegative() ? Duration.ZERO : min(delay);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static Duration min(Duration delay) {
		return (delay.compareTo(MAX) > 0) ? MAX : delay;
	}
}
