package io.github.oauthclient.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.RedisConnectionFactory;

import io.github.oauthclient.token.store.InMemoryTokenStore;
import io.github.oauthclient.token.store.SharedTokenCache;
import io.github.oauthclient.token.store.TokenStore;
import io.github.oauthclient.token.store.redis.RedisTokenStore;

/** When the shared cache is configured, and the start-up errors of a shared cache that cannot work. */
class OAuthClientRedisCacheAutoConfigurationTests {

	private static final String SECRET = "s3cr3t-value";

	// nothing listens on port 1: the beans are created without Redis (it is only used on the first token request)
	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class, HttpClientAutoConfiguration.class,
				ImperativeHttpClientAutoConfiguration.class, OAuthClientRedisCacheAutoConfiguration.class,
				OAuthClientAutoConfiguration.class))
		.withPropertyValues("oauth.client.token-uri=https://idp.example.com/oauth2/token",
				"oauth.client.client-id=orders", "oauth.client.client-secret=" + SECRET,
				"spring.data.redis.port=1");

	@Test
	void aRedisConnectionAloneDoesNotStoreTokensThere() {
		this.runner.run((context) -> assertThat(context).hasNotFailed()
			.hasSingleBean(RedisConnectionFactory.class)
			.doesNotHaveBean(TokenStore.class)
			.doesNotHaveBean(SharedTokenCache.class));
		this.runner.withPropertyValues("oauth.client.cache.type=memory")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(SharedTokenCache.class));
	}

	@Test
	void typeRedisSharesThroughTheApplicationsRedis() {
		this.runner.withPropertyValues("oauth.client.cache.type=redis").run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(RedisTokenStore.class).hasSingleBean(SharedTokenCache.class);
			assertThat(context.getBean(SharedTokenCache.class).store()).isSameAs(context.getBean(TokenStore.class));
			assertThat(context.getBean(SharedTokenCache.class).toString()).contains("plain")
				.contains("prefix=oauth-client:");
		});
	}

	@Test
	void anApplicationsOwnStoreIsUsed() {
		this.runner.withPropertyValues("oauth.client.cache.type=redis")
			.withBean(TokenStore.class, InMemoryTokenStore::new)
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(RedisTokenStore.class);
				assertThat(context.getBean(SharedTokenCache.class).store()).isInstanceOf(InMemoryTokenStore.class);
			});
	}

	@Test
	void disabledStarterConfiguresNoCache() {
		this.runner.withPropertyValues("oauth.client.cache.type=redis", "oauth.client.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(SharedTokenCache.class));
	}

	@Test
	void anEncryptionKeyIsValidatedAndNeverShown() {
		String key = Base64.getEncoder().encodeToString(new byte[32]);
		this.runner.withPropertyValues("oauth.client.cache.type=redis", "oauth.client.cache.encryption-key=" + key)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(SharedTokenCache.class).toString()).contains("encrypted")
					.doesNotContain(key);
			});
		String shortKey = Base64.getEncoder().encodeToString("sixteen byte key".getBytes());
		assertFailure("oauth.client.cache.encryption-key", "decodes to 16 bytes", "openssl rand -base64 32",
				shortKey, this.runner.withPropertyValues("oauth.client.cache.type=redis",
						"oauth.client.cache.encryption-key=" + shortKey));
	}

	@Test
	void typeRedisWithoutAConnectionFactoryFailsNamingTheFix() {
		assertFailure("oauth.client.cache.type", "no (single) RedisConnectionFactory",
				"spring-boot-starter-data-redis", SECRET,
				new ApplicationContextRunner()
					.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
							ImperativeHttpClientAutoConfiguration.class, OAuthClientRedisCacheAutoConfiguration.class,
							OAuthClientAutoConfiguration.class))
					.withPropertyValues("oauth.client.token-uri=https://idp.example.com/oauth2/token",
							"oauth.client.client-id=orders", "oauth.client.client-secret=" + SECRET,
							"oauth.client.cache.type=redis"));
	}

	@Test
	void typeRedisWithoutSpringDataRedisFailsNamingTheFix() {
		assertFailure("oauth.client.cache.type", "Spring Data Redis is not on the class path",
				"spring-boot-starter-data-redis", SECRET,
				this.runner.withClassLoader(new FilteredClassLoader(RedisConnectionFactory.class))
					.withPropertyValues("oauth.client.cache.type=redis"));
	}

	@Test
	void invalidTimingsFailNamingTheProperties() {
		assertFailure("oauth.client.cache.redis", "lockTimeout must be positive", "positive durations", SECRET,
				this.runner.withPropertyValues("oauth.client.cache.type=redis",
						"oauth.client.cache.redis.lock-timeout=0s"));
	}

	private static void assertFailure(String property, String problem, String action, String hidden,
			ApplicationContextRunner runner) {
		runner.run((context) -> {
			assertThat(context).hasFailed();
			Throwable failure = context.getStartupFailure();
			InvalidOAuthClientPropertyException cause = null;
			for (Throwable t = failure; t != null; t = t.getCause()) {
				if (t instanceof InvalidOAuthClientPropertyException invalid) {
					cause = invalid;
				}
			}
			assertThat(cause).as("cause of %s", failure).isNotNull();
			assertThat(cause.property()).isEqualTo(property);
			FailureAnalysis analysis = new InvalidOAuthClientPropertyFailureAnalyzer().analyze(failure);
			assertThat(analysis.getDescription()).contains(problem).doesNotContain(hidden);
			assertThat(analysis.getAction()).contains(action).doesNotContain(hidden);
		});
	}
}
