package io.github.oauthclient.observation;

import io.micrometer.observation.Observation;

import io.github.oauthclient.token.TokenRequestKind;

/**
 * The {@link Observation.Context} of one token request: which registration and why. Exists so that conventions and
 * handlers can read both without parsing tags; it holds no token and no secret.
 */
public final class TokenRequestObservationContext extends Observation.Context {

	private final String registrationId;

	private final TokenRequestKind kind;

	/** The context of a request of registration {@code registrationId} made for {@code kind}. */
	public TokenRequestObservationContext(String registrationId, TokenRequestKind kind) {
		this.registrationId = registrationId;
		this.kind = kind;
	}

	/** The registration. */
	public String registrationId() {
		return registrationId;
	}

	/** Why the token is requested. */
	public TokenRequestKind kind() {
		return kind;
	}
}
