package io.github.oauthclient.token;

/**
 * A monotonic time source in nanoseconds, like {@link System#nanoTime()}.
 *
 * <p>Exists because every expiry and renewal decision must be immune to wall-clock jumps (NTP corrections, a laptop
 * waking up, an operator setting the date), and because tests need to move time on demand. Only differences between
 * two readings are meaningful; compare them with {@code a - b < 0}, never {@code a < b}, so that the arithmetic
 * survives overflow.
 */
@FunctionalInterface
public interface Ticker {

	/** {@link System#nanoTime()}. */
	Ticker SYSTEM = System::nanoTime;

	/** The current reading, in nanoseconds since an arbitrary origin. */
	long read();
}
