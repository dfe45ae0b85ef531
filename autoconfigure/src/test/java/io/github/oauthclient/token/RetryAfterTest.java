package io.github.oauthclient.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterTest {

	private final Clock clock = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);

	@Test
	void readsDelaySeconds() {
		assertThat(RetryAfter.parse("7", clock)).isEqualTo(Duration.ofSeconds(7));
		assertThat(RetryAfter.parse(" 0 ", clock)).isZero();
		assertThat(RetryAfter.parse("99999999999999999999", clock)).isEqualTo(Duration.ofDays(1));
	}

	@Test
	void readsHttpDates() {
		assertThat(RetryAfter.parse("Tue, 01 Jan 2030 00:00:30 GMT", clock)).isEqualTo(Duration.ofSeconds(30));
		assertThat(RetryAfter.parse("Mon, 31 Dec 2029 23:00:00 GMT", clock)).isZero();
	}

	@Test
	void ignoresGarbage() {
		assertThat(RetryAfter.parse(null, clock)).isNull();
		assertThat(RetryAfter.parse("", clock)).isNull();
		assertThat(RetryAfter.parse("-5", clock)).isNull();
		assertThat(RetryAfter.parse("soon", clock)).isNull();
	}
}
