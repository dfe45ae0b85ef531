package io.github.oauthclient.token.store;

import java.time.Duration;

/**
 * Where instances of one service share their tokens and coordinate who fetches the next one: a key-value store with
 * expiry and two atomic operations, the SPI behind {@link SharedTokenProvider}.
 *
 * <p>Exists so that the fleet-wide single flight ({@link SharedTokenProvider}) is written once, against four tiny
 * operations any shared store offers (Redis: {@code GET}+{@code PTTL}, {@code SET PX}, {@code SET NX PX} and a
 * compare-and-delete script), and tested against the in-memory store. Values are opaque bytes: serialization and
 * encryption happen above the store ({@link SharedTokenCodec}).
 *
 * <p>Implementations must be thread-safe and should answer quickly or fail: any {@link RuntimeException} (typically
 * {@link TokenStoreUnavailableException}) makes callers fall back to fetching tokens per instance.
 */
public interface TokenStore {

	/** The value under {@code key} and the time it has left as the store measures it, or null when absent. */
	StoredValue read(String key);

	/** Stores {@code value} under {@code key}, replacing any value, to expire after {@code ttl}. */
	void write(String key, byte[] value, Duration ttl);

	/**
	 * Stores {@code value} under {@code key} only if the key is absent, to expire after {@code ttl}; the lock
	 * primitive ({@code SET NX PX}).
	 *
	 * @return whether the value was stored
	 */
	boolean writeIfAbsent(String key, byte[] value, Duration ttl);

	/**
	 * Deletes {@code key} only if it still holds {@code expected} (compare-and-delete, atomic): releases a lock only
	 * for its owner, drops a rejected token only if no newer one replaced it.
	 *
	 * @return whether the key was deleted
	 */
	boolean deleteIfEquals(String key, byte[] expected);
}
