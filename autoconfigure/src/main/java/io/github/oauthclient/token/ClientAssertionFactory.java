package io.github.oauthclient.token;

/**
 * Creates the signed JWT client assertion (RFC 7523 section 2.2) sent with one token request.
 *
 * <p>Exists so that the token layer can send {@code private_key_jwt} and {@code client_secret_jwt} assertions without
 * depending on a JOSE library: the Nimbus-based {@link io.github.oauthclient.token.jwt.JwtClientAssertionFactory} is
 * one implementation, an application's own signer (a KMS or HSM, say) can be another. Every call must return a new
 * assertion with a unique {@code jti} and a short lifetime; implementations are thread-safe.
 */
@FunctionalInterface
public interface ClientAssertionFactory {

	/**
	 * A fresh assertion for a token request to {@code tokenEndpoint}.
	 *
	 * @param tokenEndpoint the URI the request goes to (the default audience of the assertion)
	 * @return the compact serialization of the signed JWT
	 */
	String create(String tokenEndpoint);
}
