/**
 * Token acquisition: getting a client-credentials token when it is needed, only once, and without making callers
 * wait when that can be avoided.
 *
 * <p>Small decorators around one interface, {@link io.github.oauthclient.token.TokenProvider}, in the spirit of
 * Go's {@code oauth2.TokenSource}:
 * <pre>
 * CachingTokenProvider        single flight, background renewal, cool-down, stale-while-renewing, invalidate
 *   RetryingTokenProvider     backoff with jitter, Retry-After, only for retryable failures
 *     TokenEndpointClient     one exchange: BackendApplicationClient (core) + RestClient
 * </pre>
 * A typical assembly:
 * <pre>{@code
 * TokenProvider tokens = CachingTokenProvider.builder(
 *         new RetryingTokenProvider(new TokenEndpointClient(client, settings, requestFactory), RetryPolicy.defaults()))
 *     .renewalPolicy(RenewalPolicy.defaults())
 *     .registrationId(settings.registrationId())
 *     .build();
 * }</pre>
 */
package io.github.oauthclient.token;
