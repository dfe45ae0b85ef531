package io.github.oauthclient.token;

import java.time.Duration;
import java.time.Instant;

/**
 * What a {@link CachingTokenProvider} knows about its registration at one moment, without the token: an immutable
 * snapshot for health indicators and metrics, taken without starting a request.
 *
 * <p>Exists so that operability code can read the cache's state without reaching into it, and so that nothing that
 * reads the state can ever print a token: there is none in here.
 *
 * @param registrationId the registration
 * @param validFor how much longer the cached token is handed out, or {@code null} when none is cached or it is no
 * longer usable
 * @param lastSuccess when the last token request succeeded (wall clock), or {@code null} if none has yet
 * @param lastFailure when the last token request failed, or {@code null} if none has or a later one succeeded
 * @param lastError the {@link TokenRequestOutcome} of that failure, or {@code null}
 * @param cacheHits how many calls were answered from the cache
 * @param invalidations how many tokens were reported rejected (401) by resource servers
 */
public record TokenCacheStatus(String registrationId, Duration validFor, Instant lastSuccess, Instant lastFailure,
		String lastError, long cacheHits, long invalidations) {

	/** Whether a token is cached that is still handed out. */
	public boolean hasUsableToken() {
		return validFor != null;
	}

	/** Whether no token request has completed yet (neither success nor failure). */
	public boolean neverUsed() {
		return lastSuccess == null && lastFailure == null;
	}
}
