package io.github.oauthclient.token.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import io.github.oauthclient.testsupport.RedisServerFixture;
import io.github.oauthclient.token.store.StoredValue;
import io.github.oauthclient.token.store.TokenStoreUnavailableException;

/** The four store operations against a real Redis, checked with a plain connection of the fixture. */
class RedisTokenStoreTests {

	private static RedisServerFixture redis;

	private LettuceConnectionFactory connectionFactory;

	private RedisTokenStore store;

	@BeforeAll
	static void startRedis() {
		redis = RedisServerFixture.start();
	}

	@AfterAll
	static void stopRedis() {
		if (redis != null) {
			redis.close();
		}
	}

	@BeforeEach
	void connect() {
		redis.flushAll();
		connectionFactory = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", redis.port()));
		connectionFactory.afterPropertiesSet();
		connectionFactory.start();
		store = new RedisTokenStore(connectionFactory, Duration.ofMillis(200), Duration.ofSeconds(2));
	}

	@AfterEach
	void disconnect() {
		store.close();
		connectionFactory.destroy();
	}

	@Test
	void writeAndReadWithTheTimeToLiveRedisReports() {
		assertThat(store.read("t:absent")).isNull();
		store.write("t:key", bytes("value-1"), Duration.ofSeconds(60));
		StoredValue stored = store.read("t:key");
		assertThat(stored.value()).isEqualTo(bytes("value-1"));
		assertThat(stored.ttlMillis()).isBetween(59_000L, 60_000L);
		assertThat(redis.pttl("t:key")).isBetween(59_000L, 60_000L);
		store.write("t:key", bytes("value-2"), Duration.ofSeconds(5));
		assertThat(redis.get("t:key")).isEqualTo(bytes("value-2"));
		assertThat(redis.pttl("t:key")).isBetween(4_000L, 5_000L);
	}

	@Test
	void writeIfAbsentIsALockAndOnlyItsOwnerDeletesIt() {
		assertThat(store.writeIfAbsent("t:lock", bytes("owner-a"), Duration.ofSeconds(10))).isTrue();
		assertThat(store.writeIfAbsent("t:lock", bytes("owner-b"), Duration.ofSeconds(10))).isFalse();
		assertThat(redis.pttl("t:lock")).isBetween(9_000L, 10_000L);
		assertThat(store.deleteIfEquals("t:lock", bytes("owner-b"))).isFalse();
		assertThat(redis.get("t:lock")).isEqualTo(bytes("owner-a"));
		assertThat(store.deleteIfEquals("t:lock", bytes("owner-a"))).isTrue();
		assertThat(redis.keys("t:*")).isEmpty();
		assertThat(store.deleteIfEquals("t:lock", bytes("owner-a"))).isFalse();
	}

	@Test
	void aFrozenRedisTimesOutAndALockWhoseSetTimedOutIsUndoneWhenRedisWakesUp() throws Exception {
		store.read("t:warm");
		redis.freeze();
		try {
			long started = System.nanoTime();
			assertThatExceptionOfType(TokenStoreUnavailableException.class)
				.isThrownBy(() -> store.writeIfAbsent("t:lock", bytes("owner-a"), Duration.ofSeconds(30)))
				.withMessageContaining("took longer than 200 ms");
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
		}
		finally {
			redis.thaw();
		}
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (!redis.keys("t:*").isEmpty()) {
			assertThat(System.nanoTime() - deadline).as("the late SET NX is undone").isNegative();
			Thread.sleep(20);
		}
		assertThat(store.writeIfAbsent("t:lock", bytes("owner-b"), Duration.ofSeconds(30))).isTrue();
	}

	@Test
	void aStoppedRedisFailsFast() {
		store.read("t:warm");
		redis.stop();
		try {
			assertThatExceptionOfType(TokenStoreUnavailableException.class).isThrownBy(() -> store.read("t:key"));
		}
		finally {
			redis.restart();
		}
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}
}
