package io.github.oauthclient.sample.inventory;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How strictly the inventory API checks the tokens it receives ({@code inventory-api.*}).
 *
 * @param requiredScope the scope a caller's token must carry for {@code /api/**}; blank accepts any valid token
 * (for servers such as Entra ID that put application permissions in {@code roles} rather than {@code scope})
 * @param clockSkew how long after its {@code exp} a token is still accepted; zero on the embedded profile so that a
 * client which failed to renew in time would be caught, Spring Security's usual 60 s against a real server
 */
@ConfigurationProperties("inventory-api")
public record InventoryApiProperties(String requiredScope, Duration clockSkew) {

	public InventoryApiProperties {
		requiredScope = (requiredScope != null) ? requiredScope.strip() : "";
		clockSkew = (clockSkew != null) ? clockSkew : Duration.ofSeconds(60);
	}

}
