/**
 * The shared token cache: one token per registration for a whole fleet of instances, as a second cache level under
 * {@link io.github.oauthclient.token.CachingTokenProvider}.
 *
 * <pre>
 * CachingTokenProvider        first level, per instance: a fresh local token never leaves the JVM
 *   SharedTokenProvider       second level, per fleet: TokenStore + fleet-wide single flight (lock, wait, fallback)
 *     RetryingTokenProvider
 *       TokenEndpointClient
 * </pre>
 * {@link io.github.oauthclient.token.store.TokenStore} is the SPI (four operations: read with TTL, write with TTL,
 * insert-if-absent, compare-and-delete); {@link io.github.oauthclient.token.store.InMemoryTokenStore} is its
 * reference implementation and {@link io.github.oauthclient.token.store.redis.RedisTokenStore} the Redis one.
 * {@link io.github.oauthclient.token.store.SharedTokenCodec} and
 * {@link io.github.oauthclient.token.store.TokenCipher} define what is stored (JSON, optionally AES-256-GCM).
 * {@link io.github.oauthclient.token.store.SharedTokenCache} ties a store to the registrations. See
 * {@code docs/redis-cache.md}.
 */
package io.github.oauthclient.token.store;
