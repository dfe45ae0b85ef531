package io.github.oauthclient.token.store.redis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisStringCommands.SetOption;
import org.springframework.data.redis.connection.ReturnType;
import org.springframework.data.redis.core.types.Expiration;

import io.github.oauthclient.token.store.StoredValue;
import io.github.oauthclient.token.store.TokenStore;
import io.github.oauthclient.token.store.TokenStoreUnavailableException;

/**
 * A {@link TokenStore} on Redis, through the application's Spring Data {@link RedisConnectionFactory} (Boot's
 * {@code spring.data.redis.*} connection): the store that lets a fleet share one token.
 *
 * <p>Exists to map the four store operations onto Redis atomically: a Lua script for {@code GET} with {@code PTTL}
 * (one round trip), {@code SET PX}, {@code SET NX PX} (the fetch lock) and a compare-and-delete script (lock release
 * by its owner only, precise invalidation). Every operation is bounded by the command timeout (200 ms by default)
 * whatever the connection's own timeouts are: a slow or unreachable Redis costs a caller at most that, then
 * {@link TokenStoreUnavailableException}. Until Redis has answered once, the longer connect timeout applies instead
 * (the first connection of a client library takes longer than a command), and the connection is opened in the
 * background as soon as the store is created.
 */
public final class RedisTokenStore implements TokenStore, AutoCloseable {

	private static final byte[] READ_SCRIPT = ("local v = redis.call('GET', KEYS[1]) "
			+ "if not v then return nil end "
			+ "return {v, redis.call('PTTL', KEYS[1])}").getBytes(StandardCharsets.UTF_8);

	private static final byte[] DELETE_IF_EQUALS_SCRIPT = ("if redis.call('GET', KEYS[1]) == ARGV[1] "
			+ "then return redis.call('DEL', KEYS[1]) else return 0 end").getBytes(StandardCharsets.UTF_8);

	private static final AtomicInteger THREADS = new AtomicInteger();

	private final RedisConnectionFactory connectionFactory;

	private final Duration commandTimeout;

	private final Duration connectTimeout;

	/** Whether Redis has answered at least once (from then on the command timeout applies). */
	private volatile boolean connected;

	private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
		Thread thread = new Thread(runnable, "oauth-token-redis-" + THREADS.incrementAndGet());
		thread.setDaemon(true);
		return thread;
	});

	/**
	 * A store on {@code connectionFactory} whose operations give up after {@code commandTimeout}, or after
	 * {@code connectTimeout} until Redis has answered once; starts connecting in the background.
	 */
	public RedisTokenStore(RedisConnectionFactory connectionFactory, Duration commandTimeout,
			Duration connectTimeout) {
		this.connectionFactory = Objects.requireNonNull(connectionFactory, "connectionFactory");
		this.commandTimeout = Objects.requireNonNull(commandTimeout, "commandTimeout");
		this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
		this.executor.execute(this::warmUp);
	}

	@Override
	public StoredValue read(String key) {
		List<?> result = call("GET", (connection) -> connection.scriptingCommands()
			.eval(READ_SCRIPT, ReturnType.MULTI, 1, bytes(key)));
		if (result == null || result.size() < 2 || !(result.get(0) instanceof byte[] value)) {
			return null;
		}
		long ttl = (result.get(1) instanceof Number number) ? number.longValue() : -1;
		return new StoredValue(value, (ttl >= 0) ? ttl : -1);
	}

	@Override
	public void write(String key, byte[] value, Duration ttl) {
		call("SET", (connection) -> connection.stringCommands()
			.set(bytes(key), value, Expiration.milliseconds(Math.max(1, ttl.toMillis())), SetOption.upsert()));
	}

	/**
	 * {@inheritDoc}
	 *
	 * <p>When Redis does not answer in time, the {@code SET NX} may still be executed later (a frozen Redis works off
	 * its queue when it wakes up), leaving a lock nobody releases until it expires: a compare-and-delete for it is
	 * queued behind it, without waiting for either.
	 */
	@Override
	public boolean writeIfAbsent(String key, byte[] value, Duration ttl) {
		try {
			Boolean set = call("SET NX", (connection) -> connection.stringCommands()
				.set(bytes(key), value, Expiration.milliseconds(Math.max(1, ttl.toMillis())), SetOption.ifAbsent()));
			return Boolean.TRUE.equals(set);
		}
		catch (TokenStoreUnavailableException ex) {
			undoLater(key, value);
			throw ex;
		}
	}

	@Override
	public boolean deleteIfEquals(String key, byte[] expected) {
		Long deleted = call("compare-and-delete", (connection) -> connection.scriptingCommands()
			.eval(DELETE_IF_EQUALS_SCRIPT, ReturnType.INTEGER, 1, bytes(key), expected));
		return deleted != null && deleted > 0;
	}

	/** Stops the threads that bound the command time. */
	@Override
	public void close() {
		executor.shutdownNow();
	}

	@Override
	public String toString() {
		return "Redis";
	}

	private void undoLater(String key, byte[] value) {
		try {
			executor.execute(() -> {
				try (RedisConnection connection = connectionFactory.getConnection()) {
					connection.scriptingCommands().eval(DELETE_IF_EQUALS_SCRIPT, ReturnType.INTEGER, 1, bytes(key),
							value);
				}
				catch (RuntimeException ex) {
					// Redis is gone: so is the lock, or it expires after the lock timeout
				}
			});
		}
		catch (RuntimeException ex) {
			// closed: the lock expires after the lock timeout
		}
	}

	/** Connects and runs both scripts once on a key that does not exist (no writes), so first calls are fast. */
	private void warmUp() {
		byte[] key = bytes("oauth-client-warm-up:" + System.identityHashCode(this));
		try (RedisConnection connection = connectionFactory.getConnection()) {
			connection.ping();
			connection.scriptingCommands().eval(READ_SCRIPT, ReturnType.MULTI, 1, key);
			connection.scriptingCommands().eval(DELETE_IF_EQUALS_SCRIPT, ReturnType.INTEGER, 1, key, key);
			connected = true;
		}
		catch (RuntimeException ex) {
			// reported by the first operation that needs Redis
		}
	}

	private <T> T call(String command, Function<RedisConnection, T> operation) {
		CompletableFuture<T> result;
		try {
			result = CompletableFuture.supplyAsync(() -> {
				try (RedisConnection connection = connectionFactory.getConnection()) {
					return operation.apply(connection);
				}
			}, executor);
		}
		catch (RuntimeException ex) {
			throw new TokenStoreUnavailableException("Redis " + command + " could not be started", ex);
		}
		Duration timeout = connected ? commandTimeout : connectTimeout;
		try {
			T value = result.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
			connected = true;
			return value;
		}
		catch (TimeoutException ex) {
			result.cancel(true);
			throw new TokenStoreUnavailableException(
					"Redis " + command + " took longer than " + timeout.toMillis() + " ms", ex);
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			throw new TokenStoreUnavailableException("Redis " + command + " failed: " + cause.getMessage(), cause);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new TokenStoreUnavailableException("interrupted while waiting for Redis " + command, ex);
		}
	}

	private static byte[] bytes(String key) {
		return key.getBytes(StandardCharsets.UTF_8);
	}
}
