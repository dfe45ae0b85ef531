package io.github.oauthclient.token.store;

import java.util.Map;

/**
 * What the shared cache stores for a token: the token response fields needed to rebuild the
 * {@link io.github.oauthclient.core.OAuth2Token}, and when it was requested and expires, as wall-clock epoch
 * milliseconds of the instance that fetched it.
 *
 * <p>Exists because monotonic time ({@code System.nanoTime()}) means nothing in another JVM: the fleet can only
 * agree on wall-clock instants. Their difference, the lifetime, was measured by one clock and is trustworthy;
 * how much of it is left is taken from the store's own time to live where the store reports one, so that an
 * instance whose clock is off neither keeps a dead token nor renews a fresh one ({@link SharedTokenProvider}).
 *
 * @param parameters the token response fields (access_token, token_type, scope, ...), as the server sent them
 * @param issuedAtEpochMillis when the token request was sent
 * @param expiresAtEpochMillis when the token expires ({@code issuedAt} plus its lifetime)
 */
public record SharedToken(Map<String, Object> parameters, long issuedAtEpochMillis, long expiresAtEpochMillis) {

	/** The token's lifetime in milliseconds, as measured by the clock of the instance that fetched it. */
	public long lifetimeMillis() {
		return expiresAtEpochMillis - issuedAtEpochMillis;
	}

	@Override
	public String toString() {
		return "SharedToken[issuedAt=" + issuedAtEpochMillis + ", expiresAt=" + expiresAtEpochMillis + "]";
	}
}
