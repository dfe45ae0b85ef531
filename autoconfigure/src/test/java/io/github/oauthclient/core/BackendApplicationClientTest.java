package io.github.oauthclient.core;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class BackendApplicationClientTest {

	private static final Clock FROZEN = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);

	@Test
	void seedExample() {
		assertThat(new BackendApplicationClient("your_id").prepareRequestBody(List.of("hello", "world")))
			.isEqualTo("grant_type=client_credentials&scope=hello+world");
	}

	@Test
	void fullOrderOfParameters() {
		Map<String, String> extras = new LinkedHashMap<>();
		extras.put("zeta", "1");
		extras.put("client_secret", "sec");
		extras.put("alpha", "2");
		assertThat(new BackendApplicationClient("cid").prepareRequestBody(null, List.of("a", "b"), true, extras))
			.isEqualTo("grant_type=client_credentials&client_id=cid&client_secret=sec&scope=a+b&zeta=1&alpha=2");
	}

	@Test
	void tokenRequestUsesFormHeadersAndRequiresHttps() {
		BackendApplicationClient client = new BackendApplicationClient("cid");
		TokenRequest request = client.prepareTokenRequest("https://as.example.com/token", List.of("a", "b"), true,
				Map.of("client_secret", "s"));
		assertThat(request.url()).isEqualTo("https://as.example.com/token");
		assertThat(request.headers()).containsExactly(Map.entry("Content-Type", "application/x-www-form-urlencoded"));
		assertThat(request.body()).isEqualTo("grant_type=client_credentials&client_id=cid&client_secret=s&scope=a+b");
		assertThat(request.toString()).doesNotContain("client_secret=s");
		assertThatExceptionOfType(InsecureTransportException.class)
			.isThrownBy(() -> client.prepareTokenRequest("http://as.example.com/token"))
			.withMessage("(insecure_transport) OAuth 2 MUST utilize https.");
	}

	@Test
	void parsedTokenIsStoredAndMasked() {
		BackendApplicationClient client = BackendApplicationClient.builder("cid").clock(FROZEN).build();
		OAuth2Token token = client.parseRequestBodyResponse(
				"{\"access_token\":\"secret-at\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"refresh_token\":\"rt\"}");
		assertThat(token.accessToken()).isEqualTo("secret-at");
		assertThat(token.expiresIn()).isEqualTo(3600L);
		assertThat(token.expiresAt()).isEqualTo(1_700_003_600.0);
		assertThat(client.expiresAt()).isEqualTo(1_700_003_600L);
		assertThat(token.toString()).doesNotContain("secret-at").doesNotContain("rt,");
		assertThat(client.toString()).doesNotContain("secret-at");
		assertThat(client.addToken("https://api.example.com/x").headers())
			.containsExactly(Map.entry("Authorization", "Bearer secret-at"));
	}

	@Test
	void errorResponsesMapToTypedExceptions() {
		BackendApplicationClient client = new BackendApplicationClient("cid");
		assertThatExceptionOfType(InvalidClientException.class)
			.isThrownBy(() -> client.parseRequestBodyResponse("{\"error\":\"invalid_client\"}"))
			.withMessage("(invalid_client) ")
			.satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(401));
	}

}
