package io.github.oauthclient.token.store;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import io.github.oauthclient.token.Ticker;

/**
 * A {@link TokenStore} in this JVM's memory: the default and reference implementation of the SPI.
 *
 * <p>Exists for applications that want the shared cache's single flight across several application contexts of one
 * JVM, and as the executable definition of the store semantics the Redis store must match (expiry by a monotonic
 * {@link Ticker}, atomic insert-if-absent and compare-and-delete). It never fails.
 */
public final class InMemoryTokenStore implements TokenStore {

	private final Map<String, Held> values = new ConcurrentHashMap<>();

	private final Ticker ticker;

	/** A store on {@link Ticker#SYSTEM}. */
	public InMemoryTokenStore() {
		this(Ticker.SYSTEM);
	}

	/** A store whose expiry follows {@code ticker}. */
	public InMemoryTokenStore(Ticker ticker) {
		this.ticker = Objects.requireNonNull(ticker, "ticker");
	}

	@Override
	public StoredValue read(String key) {
		Held held = live(key);
		return (held != null) ? new StoredValue(held.value.clone(), (held.expiresAt - ticker.read()) / 1_000_000L)
				: null;
	}

	@Override
	public void write(String key, byte[] value, Duration ttl) {
		values.put(key, new Held(value.clone(), ticker.read() + ttl.toNanos()));
	}

	@Override
	public boolean writeIfAbsent(String key, byte[] value, Duration ttl) {
		Held mine = new Held(value.clone(), ticker.read() + ttl.toNanos());
		long now = ticker.read();
		Held result = values.compute(key, (k, held) -> (held == null || now - held.expiresAt >= 0) ? mine : held);
		return result == mine;
	}

	@Override
	public boolean deleteIfEquals(String key, byte[] expected) {
		Held held = live(key);
		return held != null && Arrays.equals(held.value, expected) && values.remove(key, held);
	}

	private Held live(String key) {
		Held held = values.get(key);
		if (held != null && ticker.read() - held.expiresAt >= 0) {
			values.remove(key, held);
			return null;
		}
		return held;
	}

	/** A value and, in ticker nanoseconds, when it expires. */
	private record Held(byte[] value, long expiresAt) {
	}

	@Override
	public String toString() {
		return "InMemoryTokenStore[" + values.size() + " keys]";
	}
}
