package io.github.oauthclient.autoconfigure;

import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.github.oauthclient.http.ResourceUrl;

/**
 * Writes the one INFO line per registration at start-up: where tokens come from, how the client authenticates and
 * where tokens go. Exists so that an operator can check the effective configuration in the log; it names the client
 * id but never the secret.
 */
final class RegistrationStartupLog {

	private static final Log logger = LogFactory.getLog(OAuthClientAutoConfiguration.class);

	private RegistrationStartupLog() {
	}

	/** Logs {@code registration} at INFO. */
	static void log(ResolvedRegistration registration) {
		if (logger.isInfoEnabled()) {
			logger.info(line(registration));
		}
	}

	/** The line, for tests: {@code OAuth client registration 'x': token URI ..., client_secret_basic, ...}. */
	static String line(ResolvedRegistration registration) {
		String source = (registration.tokenUri() != null) ? "token URI " + registration.tokenUri()
				: "token URI discovered from issuer " + registration.issuerUri() + " on first use";
		String resources = registration.resourceUrls().isEmpty() ? "every request (no resource-urls)"
				: registration.resourceUrls().stream().map(ResourceUrl::toString).collect(Collectors.joining(", "));
		return "OAuth client registration '" + registration.name() + "': " + source + ", client id '"
				+ registration.clientId() + "', authentication method " + registration.authenticationMethod().value()
				+ ", token placement " + registration.tokenPlacement().value() + ", tokens sent to " + resources;
	}
}
