/**
 * The {@link io.github.oauthclient.token.store.TokenStore} on Redis, through Spring Data Redis (an optional
 * dependency: only loaded with {@code oauth.client.cache.type=redis}).
 */
package io.github.oauthclient.token.store.redis;
