package io.github.oauthclient.autoconfigure;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;

import org.springframework.util.ClassUtils;

import io.github.oauthclient.token.ClientAssertionFactory;
import io.github.oauthclient.token.ClientAuthenticationMethod;
import io.github.oauthclient.token.jwt.JwtClientAssertionFactory;

/**
 * Builds the {@link ClientAssertionFactory} of a registration that authenticates with {@code private_key_jwt} or
 * {@code client_secret_jwt}, from its {@code jwt-assertion.*} keys, at start-up.
 *
 * <p>Exists so that every mistake in the key configuration (no key or two, an unreadable file, a wrong password or
 * alias, an algorithm the key cannot sign with, an audience that cannot be resolved, Nimbus missing from the class
 * path) stops the application with a message naming the property, instead of an {@code invalid_client} from the
 * server on the first request.
 */
final class ClientAssertionFactories {

	private static final String NIMBUS_SIGNER = "com.nimbusds.jose.JWSSigner";

	static final String AUDIENCE_TOKEN_ENDPOINT = "token-endpoint";

	static final String AUDIENCE_ISSUER = "issuer";

	private ClientAssertionFactories() {
	}

	/**
	 * The assertion factory of {@code registration}, or {@code null} when its authentication method sends no
	 * assertion.
	 * @param registration the resolved registration
	 * @return the factory, or {@code null}
	 * @throws InvalidOAuthClientPropertyException naming the property to fix
	 */
	static ClientAssertionFactory create(ResolvedRegistration registration) {
		ClientAuthenticationMethod method = registration.authenticationMethod();
		if (!method.usesClientAssertion()) {
			return null;
		}
		JwtAssertionSettings settings = registration.jwtAssertion();
		if (!ClassUtils.isPresent(NIMBUS_SIGNER, ClientAssertionFactories.class.getClassLoader())) {
			throw new InvalidOAuthClientPropertyException(registration.property("authentication-method"),
					"is " + method.value() + ", which signs JWT client assertions with Nimbus JOSE+JWT, but Nimbus is"
							+ " not on the class path",
					"Add the dependency org.springframework.security:spring-security-oauth2-jose (it brings "
							+ "com.nimbusds:nimbus-jose-jwt in the version Spring Security uses).");
		}
		Duration lifetime = (settings.lifetime() != null) ? settings.lifetime()
				: JwtClientAssertionFactory.DEFAULT_LIFETIME;
		if (lifetime.isNegative() || lifetime.isZero()) {
			throw new InvalidOAuthClientPropertyException(settings.property("lifetime"), "is " + lifetime
					+ ", but must be positive", "Set it to a short duration such as 60s (the default).");
		}
		return new JwtClientAssertionFactory(registration.clientId(), JwtAssertionKeys.signingKey(registration),
				audience(registration), lifetime, Clock.systemUTC());
	}

	/** The fixed audience, or {@code null} for the token endpoint of each request. */
	private static String audience(ResolvedRegistration registration) {
		JwtAssertionSettings settings = registration.jwtAssertion();
		String audience = settings.audience();
		if (audience == null || audience.equalsIgnoreCase(AUDIENCE_TOKEN_ENDPOINT)) {
			return null;
		}
		if (audience.equalsIgnoreCase(AUDIENCE_ISSUER)) {
			if (registration.issuerUri() == null) {
				throw new InvalidOAuthClientPropertyException(settings.property("audience"),
						"is issuer, but " + registration.property("issuer-uri") + " is not set",
						"Set " + settings.property("audience") + " to the issuer identifier itself (for example "
								+ "https://idp.example.com), or use " + registration.property("issuer-uri")
								+ " instead of " + registration.property("token-uri") + ".");
			}
			return registration.issuerUri();
		}
		try {
			if (new URI(audience).isAbsolute()) {
				return audience;
			}
		}
		catch (URISyntaxException ex) {
			// reported below
		}
		throw new InvalidOAuthClientPropertyException(settings.property("audience"), "is '" + audience
				+ "', which is neither token-endpoint, issuer nor an absolute URI",
				"Set it to token-endpoint (the default), issuer, or the audience URI the server expects.");
	}

}
