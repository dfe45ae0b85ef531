package io.github.oauthclient.token;

import io.github.oauthclient.core.OAuth2Token;

/**
 * Wraps every token request the {@link CachingTokenProvider} makes, knowing its registration and
 * {@link TokenRequestKind}: the seam where metrics and tracing (a Micrometer {@code Observation}) attach without the
 * token layer depending on them.
 *
 * <p>Called on the slow path only (one call per request to the delegate, never for a cached token).
 * Implementations must call {@code request.token()} exactly once and return its result or let its exception pass.
 */
@FunctionalInterface
public interface TokenRequestObserver {

	/** Runs the request unobserved. */
	TokenRequestObserver NONE = (registrationId, kind, request) -> request.token();

	/**
	 * Runs one token request.
	 *
	 * @param registrationId the registration
	 * @param kind why the token is requested
	 * @param request the request to run (the cache's delegate)
	 * @return what {@code request} returned
	 */
	OAuth2Token observe(String registrationId, TokenRequestKind kind, TokenProvider request);
}
