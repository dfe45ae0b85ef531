package io.github.oauthclient.token.jwt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import io.github.oauthclient.token.ClientAssertionFactory;

/**
 * Signs a new JWT client assertion (RFC 7523 section 3, OpenID Connect Core section 9) for every token request, with
 * Nimbus JOSE+JWT: {@code iss} and {@code sub} are the client id, {@code aud} is the token endpoint (or a fixed
 * audience such as the issuer), {@code jti} is a random UUID, {@code iat} is now and {@code exp} is now plus a short
 * lifetime; the header carries {@code alg} and, when known, {@code kid}.
 *
 * <p>Exists because Spring Security's client side offers this only inside its own OAuth2 client machinery; here it
 * is a {@link ClientAssertionFactory} the token layer calls per request. Thread-safe (Nimbus signers are).
 */
public final class JwtClientAssertionFactory implements ClientAssertionFactory {

	/** The lifetime of an assertion unless another is set. */
	public static final Duration DEFAULT_LIFETIME = Duration.ofSeconds(60);

	private final String clientId;

	private final ClientAssertionSigningKey key;

	private final String audience;

	private final Duration lifetime;

	private final Clock clock;

	/**
	 * A factory.
	 *
	 * @param clientId the client id ({@code iss} and {@code sub})
	 * @param key the signing key
	 * @param audience a fixed {@code aud}, or {@code null} for the token endpoint of each request
	 * @param lifetime how long each assertion is valid
	 * @param clock the source of {@code iat}
	 */
	public JwtClientAssertionFactory(String clientId, ClientAssertionSigningKey key, String audience,
			Duration lifetime, Clock clock) {
		this.clientId = Objects.requireNonNull(clientId, "clientId");
		this.key = Objects.requireNonNull(key, "key");
		this.audience = audience;
		this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
		this.clock = Objects.requireNonNull(clock, "clock");
		if (lifetime.isNegative() || lifetime.isZero()) {
			throw new IllegalArgumentException("the assertion lifetime must be positive, was " + lifetime);
		}
	}

	@Override
	public String create(String tokenEndpoint) {
		Instant now = clock.instant();
		JWTClaimsSet claims = new JWTClaimsSet.Builder()
				.issuer(clientId)
				.subject(clientId)
				.audience((audience != null) ? audience : tokenEndpoint)
				.jwtID(UUID.randomUUID().toString())
				.issueTime(Date.from(now))
				.expirationTime(Date.from(now.plus(lifetime)))
				.build();
		JWSHeader header = new JWSHeader.Builder(key.algorithm()).keyID(key.keyId()).build();
		SignedJWT jwt = new SignedJWT(header, claims);
		try {
			jwt.sign(key.signer());
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Could not sign the client assertion with " + key.algorithm() + ": "
					+ ex.getMessage(), ex);
		}
		return jwt.serialize();
	}

	@Override
	public String toString() {
		return "JwtClientAssertionFactory[clientId=" + clientId + ", " + key + ", audience="
				+ ((audience != null) ? audience : "token endpoint") + ", lifetime=" + lifetime + "]";
	}
}
