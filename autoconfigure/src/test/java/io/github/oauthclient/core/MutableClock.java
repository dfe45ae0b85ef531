package io.github.oauthclient.core;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A test clock that stays where it is set (oauthlib's frozen {@code time.time()} in the recorded vectors). */
final class MutableClock extends Clock {

	private volatile Instant now;

	MutableClock(Instant now) {
		this.now = now;
	}

	/** Sets the time to {@code epochSeconds} (fractions allowed). */
	void setEpochSeconds(double epochSeconds) {
		long seconds = (long) Math.floor(epochSeconds);
		long nanos = Math.round((epochSeconds - seconds) * 1e9);
		this.now = Instant.ofEpochSecond(seconds, nanos);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

	@Override
	public Instant instant() {
		return this.now;
	}

}
