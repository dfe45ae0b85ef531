package io.github.oauthclient.reactive;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import io.github.oauthclient.core.OAuth2Token;
import io.github.oauthclient.token.CachingTokenProvider;
import io.github.oauthclient.token.TokenProvider;

/**
 * One registration's token as a {@link Mono} that never blocks the subscribing thread, so that the WebClient filter
 * can run on an event loop.
 *
 * <p>Over the starter's {@link CachingTokenProvider} (the shared cache of the RestTemplate and RestClient path):
 * <ul>
 * <li>a usable cached token comes as a {@code Mono.just} kept per token: no scheduling, no allocation;</li>
 * <li>otherwise the Mono completes when the cache's single flight does ({@link CachingTokenProvider#tokenAsync()}):
 * concurrent subscribers, reactive or blocking, share one token request, which runs on the cache's renewal
 * executor, never on the subscriber's thread.</li>
 * </ul>
 * Any other {@link TokenProvider} (an application's own bean) may block, so its {@code token()} runs on Reactor's
 * bounded-elastic scheduler.
 */
final class ReactiveTokenProvider {

	private final TokenProvider provider;

	private final CachingTokenProvider cache;

	private volatile CachedMono cached;

	ReactiveTokenProvider(TokenProvider provider) {
		this.provider = provider;
		this.cache = (provider instanceof CachingTokenProvider caching) ? caching : null;
	}

	/** The token; subscribing never blocks. */
	Mono<OAuth2Token> token() {
		if (this.cache == null) {
			return Mono.fromCallable(this.provider::token).subscribeOn(Schedulers.boundedElastic());
		}
		OAuth2Token token = this.cache.cachedToken();
		if (token == null) {
			return Mono.fromFuture(this.cache::tokenAsync, true);
		}
		CachedMono mono = this.cached;
		if (mono != null && mono.token() == token) {
			return mono.mono();
		}
		mono = new CachedMono(token, Mono.just(token));
		this.cached = mono;
		return mono.mono();
	}

	/** Reports a token the resource rejected with 401; non-blocking for the starter's cache. */
	void invalidate(OAuth2Token rejected) {
		this.provider.invalidate(rejected);
	}

	/** A token and the Mono that emits it; compared by token identity. */
	private record CachedMono(OAuth2Token token, Mono<OAuth2Token> mono) {

		@Override
		public String toString() {
			return "CachedMono[******]";
		}

	}

}
