package io.github.oauthclient.token;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TokenEndpointSettingsTest {

	private static TokenEndpointSettings.Builder valid() {
		return TokenEndpointSettings.builder().tokenUri("https://idp.example.com/oauth2/token").clientId("orders")
				.clientSecret("s3cr3t-value");
	}

	@Test
	void defaults() {
		TokenEndpointSettings settings = valid().build();
		assertThat(settings.registrationId()).isEqualTo("default");
		assertThat(settings.propertyPrefix()).isEqualTo("oauth.client");
		assertThat(settings.authenticationMethod()).isEqualTo(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
		assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
		assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(10));
		assertThat(settings.maxResponseBytes()).isEqualTo(1024 * 1024);
		assertThat(settings.scope()).isNull();
		assertThat(settings.includeClientId()).isFalse();
		assertThat(settings.insecureTransport()).isFalse();
	}

	@Test
	void namedRegistrationsNameTheirOwnProperties() {
		assertThatIllegalArgumentException().isThrownBy(() -> valid().registrationId("inventory").clientId(" ").build())
				.withMessage("oauth.client.registrations.inventory.client-id is required");
	}

	@Test
	void toStringMasksTheSecret() {
		assertThat(valid().build().toString()).doesNotContain("s3cr3t-value").contains("clientSecret=******");
	}

	@Test
	void extraParametersKeepTheirOrder() {
		TokenEndpointSettings settings = valid().extraParameter("resource", "https://api.example.com")
				.extraParameter("audience", "inventory").build();
		assertThat(settings.extraParameters()).containsExactly(
				java.util.Map.entry("resource", "https://api.example.com"), java.util.Map.entry("audience", "inventory"));
		assertThat(settings.toString()).contains("extraParameters=[resource, audience]");
	}

	@Test
	void needsATokenEndpoint() {
		assertThatIllegalArgumentException().isThrownBy(() -> valid().tokenUri(null).build())
				.withMessageContaining("oauth.client.token-uri").withMessageContaining("oauth.client.issuer-uri");
	}

	@Test
	void refusesPlainHttpToRemoteHostsNamingInsecureTransport() {
		assertThatIllegalArgumentException().isThrownBy(() -> valid().tokenUri("http://idp.example.com/token").build())
				.withMessageContaining("oauth.client.token-uri").withMessageContaining("plain http")
				.withMessageContaining("oauth.client.insecure-transport=true");
		assertThatIllegalArgumentException().isThrownBy(() -> valid().tokenUri(null)
				.issuerUri("http://idp.example.com").build()).withMessageContaining("oauth.client.issuer-uri");
		assertThat(valid().tokenUri("http://idp.example.com/token").insecureTransport(true).build().tokenUri())
				.isEqualTo("http://idp.example.com/token");
		assertThat(valid().tokenUri("http://127.0.0.1:9000/token").build().tokenUri())
				.isEqualTo("http://127.0.0.1:9000/token");
	}

	@Test
	void refusesMalformedUris() {
		assertThatIllegalArgumentException().isThrownBy(() -> valid().tokenUri("idp.example.com/token").build())
				.withMessageContaining("must be an absolute https URI");
		assertThatIllegalArgumentException().isThrownBy(() -> valid().tokenUri("https://idp example.com").build())
				.withMessageContaining("is not a valid URI");
		assertThatIllegalArgumentException().isThrownBy(() -> valid().tokenUri("https://u:p@idp.example.com/t")
				.build()).withMessageContaining("must not contain user info");
	}

	@Test
	void secretRulesFollowTheAuthenticationMethod() {
		assertThatIllegalArgumentException().isThrownBy(() -> valid().clientSecret(null).build())
				.withMessageContaining("oauth.client.client-secret is required for authentication method "
						+ "client_secret_basic");
		assertThatIllegalArgumentException().isThrownBy(() -> valid()
				.authenticationMethod(ClientAuthenticationMethod.NONE).build())
				.withMessageContaining("oauth.client.client-secret is set, but authentication method none");
		assertThat(valid().clientSecret(null).authenticationMethod(ClientAuthenticationMethod.NONE).build()
				.clientSecret()).isNull();
	}

	@Test
	void reservedParametersCannotBeExtras() {
		for (String reserved : List.of("grant_type", "client_id", "client_secret", "scope", "redirect_uri")) {
			assertThatIllegalArgumentException().isThrownBy(() -> valid().extraParameter(reserved, "x").build())
					.withMessageContaining("oauth.client.extra-parameters must not contain '" + reserved + "'");
		}
	}

	@Test
	void timeoutsMustBePositive() {
		assertThatIllegalArgumentException().isThrownBy(() -> valid().readTimeout(Duration.ZERO).build())
				.withMessageContaining("oauth.client.read-timeout");
	}
}
