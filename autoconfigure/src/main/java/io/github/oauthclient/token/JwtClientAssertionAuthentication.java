package io.github.oauthclient.token;

import java.util.Map;
import java.util.Objects;

/**
 * {@code private_key_jwt} and {@code client_secret_jwt}: {@code client_assertion_type} and a fresh
 * {@code client_assertion} (RFC 7523 section 2.2) in the form body, next to {@code client_id} (which Spring
 * Authorization Server and others need to find the client before they verify the assertion).
 */
final class JwtClientAssertionAuthentication implements ClientAuthentication {

	/** The {@code client_assertion_type} of a JWT assertion (RFC 7523 section 2.2). */
	static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

	private final ClientAuthenticationMethod method;

	private final ClientAssertionFactory assertions;

	JwtClientAssertionAuthentication(ClientAuthenticationMethod method, ClientAssertionFactory assertions) {
		if (!method.usesClientAssertion()) {
			throw new IllegalArgumentException(method.value() + " does not use a client assertion");
		}
		this.method = method;
		this.assertions = Objects.requireNonNull(assertions, "assertions");
	}

	@Override
	public ClientAuthenticationMethod method() {
		return method;
	}

	@Override
	public void addBodyParameters(String tokenUri, Map<String, Object> extras) {
		extras.put("client_assertion_type", JWT_BEARER);
		extras.put("client_assertion", assertions.create(tokenUri));
	}

	@Override
	public String toString() {
		return method.value() + "[client_assertion=******]";
	}
}
