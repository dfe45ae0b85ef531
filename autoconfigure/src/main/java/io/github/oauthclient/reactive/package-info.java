/**
 * Attaching client-credentials tokens to the requests of Spring's reactive {@code WebClient}: the reactive
 * counterpart of {@code io.github.oauthclient.http}, with the same routes ({@code TokenRouter}, {@code TokenRoute}),
 * placements, TLS rule and 401 retry.
 *
 * <p>{@link io.github.oauthclient.reactive.OAuthClientExchangeFilterFunction} is the one entry point. Token
 * acquisition never blocks the subscribing thread (an event loop): the cached token comes from a kept Mono, and a
 * cold cache joins the registration's single flight on the cache's renewal executor
 * ({@code CachingTokenProvider.tokenAsync()}), shared with RestTemplate and RestClient callers.
 */
package io.github.oauthclient.reactive;
