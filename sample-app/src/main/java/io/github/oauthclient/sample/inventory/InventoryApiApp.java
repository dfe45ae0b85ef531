package io.github.oauthclient.sample.inventory;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerAutoConfiguration;
import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerJwtAutoConfiguration;

/**
 * The protected API the client calls: a Spring Security resource server that validates the JWT access tokens
 * against the authorization server's JWK set ({@code inventory-api.yml}) and serves {@code GET /api/inventory} to
 * callers holding the scope {@code inventory.read}.
 *
 * <p>The authorization-server auto-configuration is excluded only because this one demo jar also carries the
 * embedded authorization server; a real API would not have it on its class path.
 */
@SpringBootApplication(exclude = { OAuth2AuthorizationServerAutoConfiguration.class,
		OAuth2AuthorizationServerJwtAutoConfiguration.class })
@EnableConfigurationProperties(InventoryApiProperties.class)
public class InventoryApiApp {

	/** The name of its configuration file ({@code inventory-api.yml}), kept apart from the client's. */
	public static final String CONFIG_NAME = "inventory-api";

}
