package io.github.oauthclient.testsupport;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the fixture itself with a plain JDK client, independent of the code under test, so that a failing token
 * test points at our code and not at the fixture.
 */
class AuthorizationServerFixtureTest {

	private static AuthorizationServerFixture server;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void startServer() {
		server = AuthorizationServerFixture.start();
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@Test
	void issuesTokenToBasicClientWithFormEncodedCredentials() throws Exception {
		String credentials = form(AuthorizationServerFixture.BASIC_CLIENT_ID) + ":"
				+ form(AuthorizationServerFixture.TRICKY_SECRET);
		HttpResponse<String> response = post("grant_type=client_credentials&scope=inventory.read",
				"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"access_token\"").contains("\"expires_in\"");
	}

	@Test
	void rejectsBasicClientWhoseSecretWasNotFormEncoded() throws Exception {
		String credentials = AuthorizationServerFixture.BASIC_CLIENT_ID + ":" + AuthorizationServerFixture.TRICKY_SECRET;
		HttpResponse<String> response = post("grant_type=client_credentials",
				"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("invalid_client");
	}

	@Test
	void issuesTokenToPostClient() throws Exception {
		HttpResponse<String> response = post("grant_type=client_credentials&client_id="
				+ form(AuthorizationServerFixture.POST_CLIENT_ID) + "&client_secret="
				+ form(AuthorizationServerFixture.POST_CLIENT_SECRET), null);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"access_token\"");
	}

	@Test
	void refusesPublicClientForClientCredentials() throws Exception {
		// Spring Authorization Server authenticates public clients only with PKCE (authorization_code); a
		// client_credentials request carrying just client_id is unauthenticated. The token package therefore
		// tests method "none" against the fault-injecting endpoint instead.
		HttpResponse<String> response = post("grant_type=client_credentials&client_id="
				+ form(AuthorizationServerFixture.PUBLIC_CLIENT_ID), null);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).doesNotContain("access_token");
	}

	@Test
	void servesDiscoveryDocument() throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(
				URI.create(server.issuer() + "/.well-known/oauth-authorization-server")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"token_endpoint\":\"" + server.tokenUri() + "\"")
				.contains("\"issuer\":\"" + server.issuer() + "\"");
	}

	private HttpResponse<String> post(String body, String authorization) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.tokenUri()))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String form(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
