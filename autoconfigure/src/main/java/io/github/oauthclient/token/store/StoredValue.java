package io.github.oauthclient.token.store;

/**
 * A value read from a {@link TokenStore} and how long it has left by the store's own clock.
 *
 * <p>Exists because the time to live the store reports (Redis {@code PTTL}) is measured by one clock, the store's,
 * for every instance, whereas the wall clocks of the instances may disagree: {@link SharedTokenProvider} prefers it.
 *
 * @param value the stored bytes
 * @param ttlMillis the time left before the store drops the value, in milliseconds; negative when the store cannot
 * tell
 */
public record StoredValue(byte[] value, long ttlMillis) {

	@Override
	public String toString() {
		return "StoredValue[" + value.length + " bytes, ttlMillis=" + ttlMillis + "]";
	}
}
