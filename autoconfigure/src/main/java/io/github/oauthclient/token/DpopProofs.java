package io.github.oauthclient.token;

import java.net.URI;

/**
 * Signs DPoP proofs (RFC 9449) with a registration's own key pair: one per token request and one per resource
 * request, and remembers the server nonces ({@code DPoP-Nonce}) it is given.
 *
 * <p>Exists so that the token layer and the HTTP interceptor can send proofs without depending on a JOSE library; the
 * Nimbus-based {@link io.github.oauthclient.token.jwt.DpopProofFactory} implements it. Thread-safe.
 */
public interface DpopProofs {

	/** The {@code DPoP} request header. */
	String DPOP_HEADER = "DPoP";

	/** The response header with a server nonce. */
	String NONCE_HEADER = "DPoP-Nonce";

	/** The error code of a server that wants a (new) nonce. */
	String USE_DPOP_NONCE = "use_dpop_nonce";

	/**
	 * A fresh proof.
	 *
	 * @param method the HTTP method ({@code htm})
	 * @param uri the request URI; query and fragment are dropped for {@code htu}
	 * @param accessToken the access token for {@code ath} at a resource, or {@code null} at the token endpoint
	 * @return the compact serialization of the signed proof JWT
	 */
	String proof(String method, URI uri, String accessToken);

	/** Remembers the nonce a server sent for the origin of {@code uri}; {@code null} is ignored. */
	void nonce(URI uri, String nonce);
}
