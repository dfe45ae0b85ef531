package io.github.oauthclient.autoconfigure;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the tokens of all registrations are cached, bound from {@code oauth.client.cache}: in each instance's memory
 * (the default), or shared by the whole fleet through Redis.
 *
 * <p>Exists apart from {@link OAuthClientProperties} because the cache is one for the application, not a key a
 * registration inherits.
 */
@ConfigurationProperties(OAuthClientCacheProperties.PREFIX)
public class OAuthClientCacheProperties {

	/** The prefix of the cache properties. */
	public static final String PREFIX = OAuthClientProperties.PREFIX + ".cache";

	/**
	 * Where tokens are cached: "memory" (each instance fetches and caches its own) or "redis" (the instances share one
	 * token per registration through the application's Spring Data Redis connection, spring.data.redis.*; the
	 * in-memory cache stays in front). Having Redis alone never moves tokens there.
	 */
	private Type type = Type.MEMORY;

	/**
	 * Base64 of 32 random bytes (for example from "openssl rand -base64 32"): when set, shared tokens are encrypted at
	 * rest with AES-256-GCM, a fresh random IV per value. All instances must use the same key.
	 */
	private String encryptionKey;

	/** Redis settings of the shared cache. */
	private final Redis redis = new Redis();

	public Type getType() {
		return this.type;
	}

	public void setType(Type type) {
		this.type = type;
	}

	public String getEncryptionKey() {
		return this.encryptionKey;
	}

	public void setEncryptionKey(String encryptionKey) {
		this.encryptionKey = encryptionKey;
	}

	public Redis getRedis() {
		return this.redis;
	}

	/** Where tokens are cached. */
	public enum Type {

		/** In each instance's memory only. */
		MEMORY,

		/** Shared through Redis, with the in-memory cache in front. */
		REDIS

	}

	/** Redis settings of the shared cache. */
	public static class Redis {

		/** Prefix of every key the shared cache writes (tokens under "<prefix>token:...", locks "<prefix>lock:..."). */
		private String keyPrefix = "oauth-client:";

		/**
		 * Longest time one Redis operation may take; past it the instance fetches its own token and leaves Redis alone
		 * for the retry interval.
		 */
		private Duration commandTimeout = Duration.ofMillis(200);

		/**
		 * Longest time a Redis operation may take until Redis has answered once (opening the first connection takes
		 * longer than a command); it is opened in the background at start-up.
		 */
		private Duration connectTimeout = Duration.ofSeconds(2);

		/**
		 * How long the lock that elects the instance fetching the next token lives if its holder dies; longer than a
		 * token request with its retries should take.
		 */
		private Duration lockTimeout = Duration.ofSeconds(10);

		/** How long instances wait for the lock holder's token before fetching one themselves. */
		private Duration waitTimeout = Duration.ofSeconds(5);

		/** How often a waiting instance looks for the lock holder's token. */
		private Duration pollInterval = Duration.ofMillis(50);

		/** How long Redis is left alone after a failure before it is tried again. */
		private Duration retryInterval = Duration.ofSeconds(5);

		public String getKeyPrefix() {
			return this.keyPrefix;
		}

		public void setKeyPrefix(String keyPrefix) {
			this.keyPrefix = keyPrefix;
		}

		public Duration getCommandTimeout() {
			return this.commandTimeout;
		}

		public void setCommandTimeout(Duration commandTimeout) {
			this.commandTimeout = commandTimeout;
		}

		public Duration getConnectTimeout() {
			return this.connectTimeout;
		}

		public void setConnectTimeout(Duration connectTimeout) {
			this.connectTimeout = connectTimeout;
		}

		public Duration getLockTimeout() {
			return this.lockTimeout;
		}

		public void setLockTimeout(Duration lockTimeout) {
			this.lockTimeout = lockTimeout;
		}

		public Duration getWaitTimeout() {
			return this.waitTimeout;
		}

		public void setWaitTimeout(Duration waitTimeout) {
			this.waitTimeout = waitTimeout;
		}

		public Duration getPollInterval() {
			return this.pollInterval;
		}

		public void setPollInterval(Duration pollInterval) {
			this.pollInterval = pollInterval;
		}

		public Duration getRetryInterval() {
			return this.retryInterval;
		}

		public void setRetryInterval(Duration retryInterval) {
			this.retryInterval = retryInterval;
		}

	}

}
