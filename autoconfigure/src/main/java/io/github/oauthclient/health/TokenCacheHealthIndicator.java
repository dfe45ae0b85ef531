package io.github.oauthclient.health;

import java.util.Objects;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import io.github.oauthclient.token.CachingTokenProvider;
import io.github.oauthclient.token.TokenCacheStatus;

/**
 * The health of one registration, read from its {@link CachingTokenProvider#status() cache status}: {@code UP} when
 * a usable token is cached or the last token request succeeded, {@code DOWN} when the last request failed and no
 * usable token remains, {@code UNKNOWN} before the first request.
 *
 * <p>Exists so that operators see a broken client registration (revoked secret, unreachable authorization server)
 * before the calls that need it fail. It never starts a token request (a health probe must not hammer the token
 * endpoint) and its details hold no token and no secret: seconds the token is still handed out, the time of the last
 * success and failure, and the error code of the last failure.
 */
public final class TokenCacheHealthIndicator implements HealthIndicator {

	private final CachingTokenProvider cache;

	/** The health of {@code cache}'s registration. */
	public TokenCacheHealthIndicator(CachingTokenProvider cache) {
		this.cache = Objects.requireNonNull(cache, "cache");
	}

	@Override
	public Health health() {
		TokenCacheStatus status = cache.status();
		Health.Builder health;
		if (status.hasUsableToken() || (status.lastSuccess() != null && status.lastFailure() == null)) {
			health = Health.up();
		}
		else if (status.lastFailure() != null) {
			health = Health.down();
		}
		else {
			health = Health.unknown().withDetail("reason", "no token requested yet");
		}
		if (status.validFor() != null) {
			health.withDetail("tokenExpiresInSeconds", status.validFor().toSeconds());
		}
		if (status.lastSuccess() != null) {
			health.withDetail("lastSuccess", status.lastSuccess().toString());
		}
		if (status.lastFailure() != null) {
			health.withDetail("lastFailure", status.lastFailure().toString());
			health.withDetail("lastError", status.lastError());
		}
		return health.build();
	}

	@Override
	public String toString() {
		return "TokenCacheHealthIndicator[" + cache.status().registrationId() + "]";
	}
}
