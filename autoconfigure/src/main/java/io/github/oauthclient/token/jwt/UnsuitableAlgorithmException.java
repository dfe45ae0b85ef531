package io.github.oauthclient.token.jwt;

/**
 * The configured JWS algorithm cannot be used with the key (RS256 with an EC key, ES256 with a P-384 key, HS256 with
 * a private key). Exists so that configuration code can blame the algorithm setting rather than the key.
 */
public class UnsuitableAlgorithmException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	UnsuitableAlgorithmException(String message) {
		super(message);
	}
}
