package io.github.oauthclient.sample.authserver;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;

/**
 * The embedded authorization server: Spring Authorization Server with one registered client-credentials client,
 * configured in {@code authorization-server.yml}. It stands in for Keycloak, Okta, Auth0 or Entra ID so the demo
 * needs no account anywhere.
 *
 * <p>The resource-server auto-configuration is excluded only because this one demo jar also carries the protected
 * API; a real authorization server would not have it on its class path.
 */
@SpringBootApplication(exclude = OAuth2ResourceServerAutoConfiguration.class)
public class AuthorizationServerApp {

	/** The name of its configuration file ({@code authorization-server.yml}), kept apart from the client's. */
	public static final String CONFIG_NAME = "authorization-server";

}
