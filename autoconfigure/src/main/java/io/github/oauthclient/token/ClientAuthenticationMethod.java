package io.github.oauthclient.token;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a client proves its identity to the token endpoint (RFC 6749 section 2.3, RFC 7591 names).
 *
 * <p>Exists because oauthlib leaves client authentication to the caller: {@code BackendApplicationClient} only builds
 * the body. The names are those of the {@code authentication-method} property and of RFC 8414's
 * {@code token_endpoint_auth_methods_supported}.
 */
public enum ClientAuthenticationMethod {

	/** Id and secret in an HTTP Basic {@code Authorization} header, each form-urlencoded first. The default. */
	CLIENT_SECRET_BASIC("client_secret_basic"),

	/** Id and secret as {@code client_id} and {@code client_secret} in the form body. */
	CLIENT_SECRET_POST("client_secret_post"),

	/** A public client: {@code client_id} in the body, no secret anywhere. */
	NONE("none"),

	/**
	 * A JWT client assertion (RFC 7523 section 2.2, OpenID Connect Core section 9) signed with the client's private
	 * key (RS256, PS256 or ES256); the server knows the public key. No shared secret.
	 */
	PRIVATE_KEY_JWT("private_key_jwt"),

	/** A JWT client assertion signed with HMAC (HS256) keyed by the client secret, which never leaves the client. */
	CLIENT_SECRET_JWT("client_secret_jwt"),

	/**
	 * Mutual TLS with a certificate from a PKI (RFC 8705 section 2.1): the client certificate of the SSL bundle
	 * authenticates, {@code client_id} goes in the body, no secret.
	 */
	TLS_CLIENT_AUTH("tls_client_auth"),

	/**
	 * Mutual TLS with a self-signed certificate the server knows from the client's registration (RFC 8705 section
	 * 2.2); otherwise as {@link #TLS_CLIENT_AUTH}.
	 */
	SELF_SIGNED_TLS_CLIENT_AUTH("self_signed_tls_client_auth");

	private final String value;

	ClientAuthenticationMethod(String value) {
		this.value = value;
	}

	/** The RFC name, such as {@code client_secret_basic}. */
	public String value() {
		return value;
	}

	/** Whether this method needs the client secret ({@code client_secret_basic}, {@code _post} and {@code _jwt}). */
	public boolean requiresClientSecret() {
		return this == CLIENT_SECRET_BASIC || this == CLIENT_SECRET_POST || this == CLIENT_SECRET_JWT;
	}

	/** Whether this method sends a JWT client assertion ({@code private_key_jwt}, {@code client_secret_jwt}). */
	public boolean usesClientAssertion() {
		return this == PRIVATE_KEY_JWT || this == CLIENT_SECRET_JWT;
	}

	/** Whether the client authenticates with its TLS client certificate (RFC 8705). */
	public boolean usesClientCertificate() {
		return this == TLS_CLIENT_AUTH || this == SELF_SIGNED_TLS_CLIENT_AUTH;
	}

	/**
	 * The method with the given RFC name (case-insensitive; {@code -} accepted for {@code _}).
	 *
	 * @throws IllegalArgumentException naming the accepted values when there is none
	 */
	public static ClientAuthenticationMethod fromValue(String value) {
		if (value != null) {
			String normalized = value.trim().toLowerCase(Locale.ROOT).replace('-', '_');
			for (ClientAuthenticationMethod method : values()) {
				if (method.value.equals(normalized)) {
					return method;
				}
			}
		}
		throw new IllegalArgumentException("Unknown client authentication method '" + value + "'; use one of "
				+ Arrays.stream(values()).map(ClientAuthenticationMethod::value).collect(Collectors.joining(", ")));
	}
}
