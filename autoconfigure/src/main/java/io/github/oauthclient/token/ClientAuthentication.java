package io.github.oauthclient.token;

import java.util.Map;

import org.springframework.http.HttpHeaders;

/**
 * Puts a client's credentials into a token request, in the way its {@link ClientAuthenticationMethod} prescribes.
 *
 * <p>Exists because oauthlib's {@code BackendApplicationClient} builds only the body and leaves client
 * authentication to the caller (requests-oauthlib does Basic auth for Python users). One small strategy per method
 * keeps the encoding rules (RFC 6749 section 2.3.1 for Basic) in one place each. Implementations mask the secret in
 * {@code toString()}.
 */
public sealed interface ClientAuthentication
		permits ClientSecretBasicAuthentication, ClientSecretPostAuthentication, PublicClientAuthentication,
		JwtClientAssertionAuthentication, TlsClientAuthentication {

	/** The strategy for {@code method}. */
	static ClientAuthentication of(ClientAuthenticationMethod method, String clientId, String clientSecret,
			boolean includeClientId) {
		return switch (method) {
			case CLIENT_SECRET_BASIC -> new ClientSecretBasicAuthentication(clientId, clientSecret, includeClientId);
			case CLIENT_SECRET_POST -> new ClientSecretPostAuthentication(clientSecret);
			case NONE -> new PublicClientAuthentication();
			case TLS_CLIENT_AUTH, SELF_SIGNED_TLS_CLIENT_AUTH -> new TlsClientAuthentication(method);
			case PRIVATE_KEY_JWT, CLIENT_SECRET_JWT -> throw new IllegalArgumentException(method.value()
					+ " needs a ClientAssertionFactory: use of(TokenEndpointSettings) with clientAssertionFactory set");
		};
	}

	/** The strategy described by {@code settings}. */
	static ClientAuthentication of(TokenEndpointSettings settings) {
		if (settings.authenticationMethod().usesClientAssertion()) {
			return new JwtClientAssertionAuthentication(settings.authenticationMethod(),
					settings.clientAssertionFactory());
		}
		return of(settings.authenticationMethod(), settings.clientId(), settings.clientSecret(),
				settings.includeClientId());
	}

	/** The method this strategy implements. */
	ClientAuthenticationMethod method();

	/**
	 * Whether the body carries {@code client_id} (oauthlib's {@code include_client_id}): every method but
	 * {@code client_secret_basic} needs it there.
	 */
	default boolean includeClientIdInBody() {
		return true;
	}

	/**
	 * Adds this method's body parameters for a request to {@code tokenUri} (the {@code client_secret} of
	 * {@code client_secret_post}, a JWT client assertion whose audience is {@code tokenUri}) to the extras passed to
	 * {@code prepareTokenRequest}, which places them where oauthlib would. None by default.
	 */
	default void addBodyParameters(String tokenUri, Map<String, Object> extras) {
	}

	/** Adds this method's headers (the {@code Authorization} header of {@code client_secret_basic}). None by default. */
	default void addHeaders(HttpHeaders headers) {
	}
}
