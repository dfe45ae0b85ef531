package io.github.oauthclient.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the OAuth 2.0 client-credentials starter, bound from {@code oauth.client}.
 *
 * <p>The keys at the root form the default registration (named {@value RegistrationResolver#DEFAULT_REGISTRATION}),
 * which exists when {@code oauth.client.client-id} is set. Each entry of {@code oauth.client.registrations} is a
 * named registration that takes the same keys and inherits every key it does not set from the root.
 */
@ConfigurationProperties(OAuthClientProperties.PREFIX)
public class OAuthClientProperties extends OAuthClientRegistrationProperties {

	/** The prefix of every property of this starter. */
	public static final String PREFIX = "oauth.client";

	/**
	 * Named registrations, each with the same keys as oauth.client; keys a registration does not set are inherited
	 * from oauth.client.
	 */
	private Map<String, OAuthClientRegistrationProperties> registrations = new LinkedHashMap<>();

	public Map<String, OAuthClientRegistrationProperties> getRegistrations() {
		return this.registrations;
	}

	public void setRegistrations(Map<String, OAuthClientRegistrationProperties> registrations) {
		this.registrations = registrations;
	}

}
