package io.github.oauthclient.autoconfigure;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.util.ClassUtils;

import io.github.oauthclient.core.TokenPlacement;
import io.github.oauthclient.token.DpopProofs;
import io.github.oauthclient.token.jwt.DpopProofFactory;

/**
 * The DPoP key pair of each registration with {@code dpop.enabled=true}, generated once per application context so
 * that its token requests and its resource requests prove possession of the same key (RFC 9449).
 *
 * <p>Exists because the token provider and the resource route of a registration are built by different bean methods;
 * both ask this one object for the registration's proofs.
 */
final class DpopKeys {

	private final Map<String, DpopProofs> keys = new ConcurrentHashMap<>();

	/** The proofs of {@code registration}, or {@code null} when it does not use DPoP. */
	DpopProofs of(ResolvedRegistration registration) {
		if (!registration.dpop()) {
			return null;
		}
		if (registration.tokenPlacement() != TokenPlacement.AUTH_HEADER) {
			throw new InvalidOAuthClientPropertyException(registration.property("token-placement"),
					"is " + registration.tokenPlacement().value() + ", but DPoP-bound tokens always go in the "
							+ "Authorization header (RFC 9449 section 7.1)",
					"Remove " + registration.property("token-placement") + " or set it to auth_header.");
		}
		if (!ClassUtils.isPresent("com.nimbusds.jose.JWSSigner", DpopKeys.class.getClassLoader())) {
			throw new InvalidOAuthClientPropertyException(registration.property("dpop.enabled"),
					"is true, but DPoP proofs are signed with Nimbus JOSE+JWT, which is not on the class path",
					"Add the dependency org.springframework.security:spring-security-oauth2-jose.");
		}
		return this.keys.computeIfAbsent(registration.name(), (name) -> DpopProofFactory.generate(Clock.systemUTC()));
	}

}
