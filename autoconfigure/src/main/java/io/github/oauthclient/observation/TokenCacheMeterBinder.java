package io.github.oauthclient.observation;

import java.util.Map;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import io.github.oauthclient.token.CachingTokenProvider;
import io.github.oauthclient.token.RetryingTokenProvider;

/**
 * Publishes the counters of the token caches as Micrometer function counters, tagged with {@code registration}:
 * {@code oauth.client.token.cache.hits}, {@code oauth.client.token.invalidations} (tokens reported rejected with 401)
 * and {@code oauth.client.token.retries} (token request attempts made after a failed one).
 *
 * <p>Exists so that counting costs the hot path nothing measurable: the cache and the retry decorator count into
 * {@code LongAdder}s of their own, and Micrometer reads them only when a registry publishes or is scraped. No
 * Micrometer call ever happens on a request.
 */
public final class TokenCacheMeterBinder implements MeterBinder {

	private final Map<String, CachingTokenProvider> caches;

	/** Binds the counters of {@code caches}, by registration name. */
	public TokenCacheMeterBinder(Map<String, CachingTokenProvider> caches) {
		this.caches = Map.copyOf(caches);
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		caches.forEach((name, cache) -> {
			FunctionCounter.builder("oauth.client.token.cache.hits", cache, c -> c.status().cacheHits())
				.description("Token requests answered from the cache")
				.tag("registration", name)
				.register(registry);
			FunctionCounter.builder("oauth.client.token.invalidations", cache, c -> c.status().invalidations())
				.description("Access tokens reported rejected (401) by resource servers")
				.tag("registration", name)
				.register(registry);
			if (cache.delegate() instanceof RetryingTokenProvider retrying) {
				FunctionCounter.builder("oauth.client.token.retries", retrying, RetryingTokenProvider::retries)
					.description("Token request attempts made after a failed one")
					.tag("registration", name)
					.register(registry);
			}
		});
	}
}
