package io.github.oauthclient.autoconfigure;

import static io.github.oauthclient.autoconfigure.RedisFleetTestSupport.concurrentCalls;
import static io.github.oauthclient.autoconfigure.RedisFleetTestSupport.fleetProperties;
import static io.github.oauthclient.autoconfigure.RedisFleetTestSupport.instance;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.github.oauthclient.core.OAuth2Token;
import io.github.oauthclient.testsupport.FaultInjectingTokenEndpoint;
import io.github.oauthclient.testsupport.LogCapture;
import io.github.oauthclient.testsupport.RedisServerFixture;
import io.github.oauthclient.testsupport.Responder;
import io.github.oauthclient.token.TokenProvider;
import io.github.oauthclient.token.store.SharedTokenProvider;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shared token cache against a real Redis ({@code redis-server} started by the test) and a real token endpoint
 * over HTTP: several application contexts play the instances of one service, and the endpoint counts what the fleet
 * asks for.
 */
class RedisSharedTokenCacheTests {

	private static final String KEY = Base64.getEncoder().encodeToString(
			"0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));

	private static RedisServerFixture redis;

	private FaultInjectingTokenEndpoint endpoint;

	private final List<AnnotationConfigApplicationContext> contexts = new ArrayList<>();

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
	void startEndpoint() {
		if (!redis.isRunning()) {
			redis.restart();
		}
		redis.flushAll();
		endpoint = FaultInjectingTokenEndpoint.start();
	}

	@AfterEach
	void stop() {
		contexts.forEach(AnnotationConfigApplicationContext::close);
		endpoint.close();
	}

	@ParameterizedTest(name = "{0} instance(s), {1} callers each")
	@CsvSource({ "1, 24", "3, 8" })
	void coldStartWithConcurrentCallersMakesOneTokenRequestForTheFleet(int instances, int callersEach)
			throws Exception {
		endpoint.setDefault(Responder.issuingTokens(3600).delayedBy(Duration.ofMillis(300)));
		List<TokenProvider> fleet = fleet(instances, "oauth.client.cache.type=redis");

		Set<String> tokens = concurrentCalls(fleet, callersEach);

		System.out.println("[measured] shared cache, cold start, " + instances + " instance(s) x " + callersEach
				+ " concurrent callers: " + endpoint.requestCount() + " token request(s)");
		assertThat(endpoint.requestCount()).as("token requests of %d instance(s)", instances).isEqualTo(1);
		assertThat(tokens).containsExactly("token-1");
	}

	@Test
	void withoutTheSharedCacheEachInstanceFetchesItsOwn() throws Exception {
		endpoint.setDefault(Responder.issuingTokens(3600).delayedBy(Duration.ofMillis(300)));
		List<TokenProvider> fleet = fleet(3, "oauth.client.cache.type=memory");

		Set<String> tokens = concurrentCalls(fleet, 8);

		System.out.println("[measured] in-memory cache only, cold start, 3 instances x 8 concurrent callers: "
				+ endpoint.requestCount() + " token request(s)");
		assertThat(endpoint.requestCount()).isEqualTo(3);
		assertThat(tokens).hasSize(3);
		assertThat(redis.keys("*")).as("a Redis connection alone stores nothing").isEmpty();
	}

	@Test
	void renewalMakesOneTokenRequestPerWindowForTheFleet() throws Exception {
		// 6 s tokens: renewal window from 4.5 s (the last quarter), handed out until 5.7 s
		endpoint.setDefault(Responder.issuingTokens(6));
		List<TokenProvider> fleet = fleet(3, "oauth.client.cache.type=redis");

		long firstWindow = System.nanoTime();
		assertThat(concurrentCalls(fleet, 4)).containsExactly("token-1");
		assertThat(endpoint.requestCount()).isEqualTo(1);

		sleepUntil(firstWindow + Duration.ofMillis(4700).toNanos());
		long secondWindow = System.nanoTime();
		callUntilAllHold(fleet, "token-2");
		assertThat(endpoint.requestCount()).as("token requests after one renewal").isEqualTo(2);

		sleepUntil(secondWindow + Duration.ofMillis(4700).toNanos());
		callUntilAllHold(fleet, "token-3");
		System.out.println("[measured] shared cache, 3 instances, 6 s tokens, cold start and two renewals: "
				+ endpoint.requestCount() + " token request(s)");
		assertThat(endpoint.requestCount()).as("token requests after two renewals").isEqualTo(3);
	}

	@Test
	void redisStoppedMidRunCallsKeepSucceedingAndSharingResumesWhenItIsBack() throws Exception {
		List<TokenProvider> fleet = fleet(3, "oauth.client.cache.type=redis",
				"oauth.client.cache.redis.retry-interval=1500ms");
		try (LogCapture log = LogCapture.atTrace(SharedTokenProvider.class.getName())) {
			assertThat(concurrentCalls(fleet, 4)).containsExactly("token-1");

			redis.stop();
			for (int round = 0; round < 3; round++) {
				for (TokenProvider instance : fleet) {
					long started = System.nanoTime();
					OAuth2Token before = instance.token();
					instance.invalidate(before);
					OAuth2Token after = instance.token();
					long took = System.nanoTime() - started;
					assertThat(after.accessToken()).isNotEqualTo(before.accessToken());
					// Boot's own Redis command timeout is 60 s; ours bounds each Redis operation (1 s here)
					assertThat(Duration.ofNanos(took)).isLessThan(Duration.ofSeconds(5));
				}
				Thread.sleep(1600);
			}
			assertThat(endpoint.requestCount()).as("every instance fetches its own while Redis is down")
				.isEqualTo(1 + 3 * 3);
			assertThat(messages(log, Level.WARN, "is unavailable")).as("one WARN per instance").hasSize(3);

			redis.restart();
			long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			while (messages(log, Level.INFO, "is available again").size() < 3) {
				assertThat(System.nanoTime() - deadline).as("instances notice that Redis is back").isNegative();
				for (TokenProvider instance : fleet) {
					instance.invalidate(instance.token());
				}
				Thread.sleep(1600);
			}
			assertThat(messages(log, Level.WARN, "is unavailable")).hasSize(3);
			assertThat(messages(log, Level.INFO, "is available again")).as("one INFO per instance").hasSize(3);

			for (TokenProvider instance : fleet) {
				instance.invalidate(instance.token());
			}
			redis.flushAll();
			int before = endpoint.requestCount();
			Set<String> shared = concurrentCalls(fleet, 4);
			assertThat(endpoint.requestCount() - before).as("token requests once Redis is back").isEqualTo(1);
			assertThat(shared).hasSize(1);
			assertThat(log.text()).as("no token or secret in any log").doesNotContain("fleet-secret-value")
				.doesNotContainPattern("token-[0-9]");
		}
	}

	@Test
	void aFrozenRedisCostsCallersOneCommandTimeoutAndLeavesNoLockBehind() throws Exception {
		List<TokenProvider> fleet = fleet(2, "oauth.client.cache.type=redis",
				"oauth.client.cache.redis.retry-interval=1500ms");
		try (LogCapture log = LogCapture.atTrace(SharedTokenProvider.class.getName())) {
			assertThat(concurrentCalls(fleet, 4)).containsExactly("token-1");

			redis.freeze();
			try {
				for (TokenProvider instance : fleet) {
					long started = System.nanoTime();
					OAuth2Token before = instance.token();
					instance.invalidate(before);
					Thread.sleep(1600); // past the retry interval: the next token request tries Redis again
					OAuth2Token after = instance.token();
					long took = System.nanoTime() - started - Duration.ofMillis(1600).toNanos();
					assertThat(after.accessToken()).isNotEqualTo(before.accessToken());
					assertThat(Duration.ofNanos(took)).isLessThan(Duration.ofSeconds(5));
				}
				assertThat(messages(log, Level.WARN, "took longer than 1000 ms")).hasSize(2);
			}
			finally {
				redis.thaw();
			}
			long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
			while (!redis.keys("oauth-client:lock:*").isEmpty()) {
				assertThat(System.nanoTime() - deadline).as("locks whose SET NX timed out are undone").isNegative();
				Thread.sleep(20);
			}
			Thread.sleep(1600);
			for (TokenProvider instance : fleet) {
				instance.invalidate(instance.token());
			}
			redis.flushAll();
			int before = endpoint.requestCount();
			assertThat(concurrentCalls(fleet, 4)).hasSize(1);
			assertThat(endpoint.requestCount() - before).isEqualTo(1);
			assertThat(messages(log, Level.INFO, "is available again")).hasSize(2);
		}
	}

	@Test
	void tokenIsStoredUnderItsKeyAsJsonWithWallClockExpiryAndTheRemainingLifetimeAsTtl() throws Exception {
		List<TokenProvider> fleet = fleet(1, "oauth.client.cache.type=redis",
				"oauth.client.cache.redis.key-prefix=test-fleet:");
		long before = System.currentTimeMillis();
		assertThat(fleet.get(0).token().accessToken()).isEqualTo("token-1");
		long after = System.currentTimeMillis();

		List<String> keys = redis.keys("*");
		assertThat(keys).hasSize(1);
		String key = keys.get(0);
		assertThat(key).matches("test-fleet:token:default:[0-9a-f]{16}");
		assertThat(redis.pttl(key)).isBetween(3_590_000L, 3_600_000L);

		JsonNode stored = JsonMapper.builder().build().readTree(redis.get(key));
		assertThat(stored.get("version").asInt()).isEqualTo(1);
		assertThat(stored.get("token").get("access_token").asString()).isEqualTo("token-1");
		assertThat(stored.get("token").get("token_type").asString()).isEqualTo("Bearer");
		long issuedAt = stored.get("issued_at_ms").asLong();
		assertThat(issuedAt).isBetween(before, after);
		assertThat(stored.get("expires_at_ms").asLong() - issuedAt).isEqualTo(3_600_000L);
		assertThat(stored.toString()).doesNotContain("fleet-secret-value");
	}

	@Test
	void withAnEncryptionKeyTheStoredValueIsAesGcmBoundToItsKey() throws Exception {
		List<TokenProvider> fleet = fleet(2, "oauth.client.cache.type=redis",
				"oauth.client.cache.encryption-key=" + KEY);
		assertThat(fleet.get(0).token().accessToken()).isEqualTo("token-1");
		assertThat(fleet.get(1).token().accessToken()).as("the other instance decrypts it").isEqualTo("token-1");
		assertThat(endpoint.requestCount()).isEqualTo(1);

		String key = redis.keys("oauth-client:token:*").get(0);
		byte[] value = redis.get(key);
		assertThat(new String(value, StandardCharsets.ISO_8859_1)).doesNotContain("token-1")
			.doesNotContain("access_token");
		assertThat(value[0]).isEqualTo((byte) 1);

		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(KEY), "AES"),
				new GCMParameterSpec(128, value, 1, 12));
		cipher.updateAAD(key.getBytes(StandardCharsets.UTF_8));
		byte[] plain = cipher.doFinal(value, 13, value.length - 13);
		JsonNode stored = JsonMapper.builder().build().readTree(plain);
		assertThat(stored.get("token").get("access_token").asString()).isEqualTo("token-1");
	}

	@Test
	void instancesWithAnotherKeyCannotReadTheTokenAndFetchTheirOwn() throws Exception {
		List<TokenProvider> first = fleet(1, "oauth.client.cache.type=redis",
				"oauth.client.cache.encryption-key=" + KEY);
		String otherKey = Base64.getEncoder().encodeToString(new byte[32]);
		List<TokenProvider> second = fleet(1, "oauth.client.cache.type=redis",
				"oauth.client.cache.encryption-key=" + otherKey);
		assertThat(first.get(0).token().accessToken()).isEqualTo("token-1");
		try (LogCapture log = LogCapture.atTrace(SharedTokenProvider.class.getName())) {
			assertThat(second.get(0).token().accessToken()).isEqualTo("token-2");
			assertThat(log.text()).contains("cannot be read").doesNotContain(otherKey).doesNotContain(KEY);
		}
	}

	@Test
	void aRejectedTokenIsDroppedFromRedisToo() throws Exception {
		List<TokenProvider> fleet = fleet(2, "oauth.client.cache.type=redis");
		OAuth2Token first = fleet.get(0).token();
		assertThat(fleet.get(1).token().accessToken()).isEqualTo(first.accessToken());

		fleet.get(0).invalidate(first);
		assertThat(redis.keys("oauth-client:token:*")).isEmpty();
		assertThat(fleet.get(0).token().accessToken()).isEqualTo("token-2");
		fleet.get(1).invalidate(first);
		assertThat(fleet.get(1).token().accessToken()).as("the newer token stays shared").isEqualTo("token-2");
		assertThat(endpoint.requestCount()).isEqualTo(2);
		assertThat(redis.keys("oauth-client:lock:*")).as("locks are released").isEmpty();
	}

	private List<TokenProvider> fleet(int size, String... properties) {
		List<TokenProvider> providers = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			AnnotationConfigApplicationContext context = instance(
					fleetProperties(endpoint.tokenUri(), redis.port(), properties).toArray(String[]::new));
			contexts.add(context);
			providers.add(context.getBean(TokenProvider.class));
		}
		return providers;
	}

	/** Calls every instance (a few threads each) until all of them hand out {@code expected}. */
	private static void callUntilAllHold(List<TokenProvider> fleet, String expected) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		for (;;) {
			Set<String> tokens = concurrentCalls(fleet, 3);
			boolean all = fleet.stream().allMatch((instance) -> instance.token().accessToken().equals(expected));
			if (all && tokens.equals(Set.of(expected))) {
				return;
			}
			assertThat(System.nanoTime() - deadline).as("all instances renewed to " + expected + ", got " + tokens)
				.isNegative();
			Thread.sleep(50);
		}
	}

	private static void sleepUntil(long nanoTime) throws InterruptedException {
		long left = nanoTime - System.nanoTime();
		if (left > 0) {
			Thread.sleep(Duration.ofNanos(left).toMillis());
		}
	}

	private static List<String> messages(LogCapture log, Level level, String containing) {
		return log.events().stream()
			.filter((event) -> event.getLevel() == level)
			.map(ILoggingEvent::getFormattedMessage)
			.filter((message) -> message.contains(containing))
			.toList();
	}

}
