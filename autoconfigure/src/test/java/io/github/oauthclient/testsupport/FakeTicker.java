package io.github.oauthclient.testsupport;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.github.oauthclient.token.Ticker;

/**
 * A monotonic clock that moves only when a test says so. Exists so that expiry, renewal windows and cool-downs can
 * be tested exactly, without sleeping and without depending on how busy the machine is.
 */
public final class FakeTicker implements Ticker {

	private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

	/** The current reading in nanoseconds (starts at an arbitrary non-zero value, like {@code System.nanoTime}). */
	@Override
	public long read() {
		return nanos.get();
	}

	/** Moves time forward. */
	public void advance(Duration duration) {
		nanos.addAndGet(duration.toNanos());
	}
}
