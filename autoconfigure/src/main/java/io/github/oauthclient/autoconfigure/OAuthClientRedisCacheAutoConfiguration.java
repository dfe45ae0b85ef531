package io.github.oauthclient.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;

import io.github.oauthclient.token.store.SharedTokenCache;
import io.github.oauthclient.token.store.SharedTokenSettings;
import io.github.oauthclient.token.store.TokenCipher;
import io.github.oauthclient.token.store.TokenStore;
import io.github.oauthclient.token.store.redis.RedisTokenStore;

/**
 * Auto-configuration of the fleet-wide token cache on Redis: with {@code oauth.client.cache.type=redis}, a
 * {@link RedisTokenStore} on the application's {@link RedisConnectionFactory} (Boot's own Redis auto-configuration,
 * {@code spring.data.redis.*}) and the {@link SharedTokenCache} that {@link OAuthClientAutoConfiguration} puts under
 * the in-memory cache of every registration.
 *
 * <p>Only the property opts in: a Redis connection that the application has for other reasons never receives
 * tokens. {@code type=redis} without Spring Data Redis, or without a connection factory, fails the start-up naming
 * the fix. Both beans back off when the application defines its own (for example a {@link TokenStore} on another
 * store).
 */
@AutoConfiguration(afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
		before = OAuthClientAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = OAuthClientProperties.PREFIX + ".enabled", matchIfMissing = true)
@ConditionalOnProperty(prefix = OAuthClientCacheProperties.PREFIX, name = "type", havingValue = "redis")
@EnableConfigurationProperties(OAuthClientCacheProperties.class)
public final class OAuthClientRedisCacheAutoConfiguration {

	private static final String TYPE_PROPERTY = OAuthClientCacheProperties.PREFIX + ".type";

	private static final String KEY_PROPERTY = OAuthClientCacheProperties.PREFIX + ".encryption-key";

	@Bean
	@ConditionalOnMissingBean
	SharedTokenCache oauthClientSharedTokenCache(TokenStore oauthClientTokenStore,
			OAuthClientCacheProperties properties) {
		OAuthClientCacheProperties.Redis redis = properties.getRedis();
		SharedTokenSettings settings;
		try {
			settings = new SharedTokenSettings(redis.getKeyPrefix(), redis.getLockTimeout(), redis.getWaitTimeout(),
					redis.getPollInterval(), redis.getRetryInterval());
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw new InvalidOAuthClientPropertyException(OAuthClientCacheProperties.PREFIX + ".redis",
					"is invalid: " + ex.getMessage(), "Set positive durations and a key prefix.");
		}
		return new SharedTokenCache(oauthClientTokenStore, cipher(properties.getEncryptionKey()), settings);
	}

	private static TokenCipher cipher(String key) {
		if (key == null || key.isBlank()) {
			return null;
		}
		try {
			return TokenCipher.fromBase64Key(key);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidOAuthClientPropertyException(KEY_PROPERTY, "is invalid: " + ex.getMessage(),
					"Generate a key with 'openssl rand -base64 32' and set it on every instance.");
		}
	}

	/** The Redis store, when Spring Data Redis is on the class path. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.data.redis.connection.RedisConnectionFactory")
	static class RedisStoreConfiguration {

		@Bean
		@ConditionalOnMissingBean(TokenStore.class)
		RedisTokenStore oauthClientTokenStore(ObjectProvider<RedisConnectionFactory> connectionFactory,
				OAuthClientCacheProperties properties) {
			RedisConnectionFactory factory = connectionFactory.getIfUnique();
			if (factory == null) {
				throw new InvalidOAuthClientPropertyException(TYPE_PROPERTY,
						"is redis, but the application has no (single) RedisConnectionFactory",
						"Add the dependency org.springframework.boot:spring-boot-starter-data-redis and configure"
								+ " spring.data.redis.host/port (or spring.data.redis.url), or remove "
								+ TYPE_PROPERTY + ".");
			}
			return new RedisTokenStore(factory, properties.getRedis().getCommandTimeout(),
					properties.getRedis().getConnectTimeout());
		}

	}

	/** {@code type=redis} without Spring Data Redis: a clear start-up error. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass("org.springframework.data.redis.connection.RedisConnectionFactory")
	static class MissingRedisConfiguration {

		@Bean
		@ConditionalOnMissingBean(TokenStore.class)
		TokenStore oauthClientTokenStore() {
			throw new InvalidOAuthClientPropertyException(TYPE_PROPERTY,
					"is redis, but Spring Data Redis is not on the class path",
					"Add the dependency org.springframework.boot:spring-boot-starter-data-redis and configure"
							+ " spring.data.redis.*, or remove " + TYPE_PROPERTY + ".");
		}

	}

}
