/**
 * Attaching client-credentials tokens to outgoing HTTP requests: the layer between token acquisition
 * ({@code io.github.oauthclient.token}) and Spring's RestTemplate and RestClient.
 *
 * <p>{@link io.github.oauthclient.http.OAuthClientHttpRequestInterceptor} is the one entry point. It routes each
 * request by URL prefix ({@link io.github.oauthclient.http.ResourceUrl}, longest match wins) to a
 * {@link io.github.oauthclient.http.TokenRoute} (one registration: its token provider, placement and transport rule),
 * places the token with the core's oauthlib-exact helpers, enforces "tokens only over TLS or to loopback", and on a
 * 401 retries once with a fresh token. The hot path (cached token, header placement) takes no lock, logs nothing and
 * allocates nothing of its own.
 */
package io.github.oauthclient.http;
