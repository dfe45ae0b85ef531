package io.github.oauthclient.token;

import io.github.oauthclient.core.OAuth2Token;

/**
 * Something that hands out an access token when asked: the one interface between token acquisition and whatever
 * attaches tokens to requests.
 *
 * <p>Exists in the spirit of Go's {@code oauth2.TokenSource}: one tiny interface, so that the exchange with the
 * token endpoint ({@link TokenEndpointClient}), retries ({@link RetryingTokenProvider}) and caching with renewal
 * ({@link CachingTokenProvider}) are separate decorators, each testable alone, instead of flags in one class.
 */
@FunctionalInterface
public interface TokenProvider {

	/**
	 * A token to use now.
	 *
	 * @throws TokenAcquisitionException when none can be obtained
	 */
	OAuth2Token token();

	/**
	 * Reports that a resource server rejected {@code rejected} (a 401), so that it is not handed out again. Drops
	 * exactly that token: a newer one another thread already obtained stays. Does nothing by default (providers
	 * without a cache have nothing to drop).
	 */
	default void invalidate(OAuth2Token rejected) {
	}
}
