package io.github.oauthclient.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.oauthclient.token.CachingTokenProvider;
import io.github.oauthclient.token.TokenProvider;

/**
 * The {@link CachingTokenProvider}s of the registry, by registration name: what health and metrics read. Exists
 * because a registration may use an application-defined {@link TokenProvider} that is no cache; such registrations
 * are left out here.
 */
final class TokenCaches {

	private TokenCaches() {
	}

	/** The caches of {@code registry}, in registration order. */
	static Map<String, CachingTokenProvider> of(OAuthClientRegistry registry) {
		Map<String, CachingTokenProvider> caches = new LinkedHashMap<>();
		for (String name : registry.names()) {
			if (registry.tokenProvider(name) instanceof CachingTokenProvider cache) {
				caches.put(name, cache);
			}
		}
		return caches;
	}
}
