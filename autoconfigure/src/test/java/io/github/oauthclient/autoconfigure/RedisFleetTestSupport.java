package io.github.oauthclient.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;

import io.github.oauthclient.token.TokenProvider;

/**
 * Application contexts that behave like the instances of one service (same {@code oauth.client.*}, same Redis), and
 * concurrent callers in them: what the fleet tests of the shared token cache need.
 */
final class RedisFleetTestSupport {

	private RedisFleetTestSupport() {
	}

	/** The auto-configurations an instance runs: Boot's Redis and HTTP client ones and ours. */
	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ DataRedisAutoConfiguration.class, HttpClientAutoConfiguration.class,
			ImperativeHttpClientAutoConfiguration.class, OAuthClientRedisCacheAutoConfiguration.class,
			OAuthClientAutoConfiguration.class })
	static class Instance {

	}

	/** Starts one instance with the given properties. */
	static AnnotationConfigApplicationContext instance(String... properties) {
		AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
		TestPropertyValues.of(properties).applyTo(context);
		context.register(Instance.class);
		context.refresh();
		return context;
	}

	/** The base properties of every instance of the fleet. */
	static List<String> fleetProperties(String tokenUri, int redisPort, String... more) {
		List<String> properties = new ArrayList<>(List.of("oauth.client.token-uri=" + tokenUri,
				"oauth.client.client-id=orders", "oauth.client.client-secret=fleet-secret-value",
				"spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + redisPort,
				// the machine running the tests is shared and may be loaded: a 1 s bound instead of the 200 ms
				// default keeps a slow scheduler from looking like a slow Redis (RedisTokenStoreTests checks 200 ms)
				"oauth.client.cache.redis.command-timeout=1s"));
		properties.addAll(List.of(more));
		return properties;
	}

	/**
	 * Lets {@code threadsPerProvider} threads per provider call {@code token()} at the same moment and returns the
	 * distinct access tokens they got (every call must succeed).
	 */
	static Set<String> concurrentCalls(List<TokenProvider> providers, int threadsPerProvider) throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(providers.size() * threadsPerProvider);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<String>> results = new ArrayList<>();
			for (TokenProvider provider : providers) {
				for (int i = 0; i < threadsPerProvider; i++) {
					results.add(threads.submit(() -> {
						start.await();
						return provider.token().accessToken();
					}));
				}
			}
			start.countDown();
			Set<String> tokens = ConcurrentHashMap.newKeySet();
			for (Future<String> result : results) {
				tokens.add(result.get(30, TimeUnit.SECONDS));
			}
			return tokens;
		}
		finally {
			threads.shutdownNow();
		}
	}
}
