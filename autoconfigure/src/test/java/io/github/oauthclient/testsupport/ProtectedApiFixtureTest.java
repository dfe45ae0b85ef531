package io.github.oauthclient.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the protected API fixture with a plain JDK client and a token fetched by hand, independent of the code under
 * test, so that a failing end-to-end test points at our code and not at the fixture.
 */
class ProtectedApiFixtureTest {

	private static AuthorizationServerFixture server;

	private static ProtectedApiFixture api;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void start() {
		server = AuthorizationServerFixture.start();
		api = ProtectedApiFixture.start(server);
	}

	@AfterAll
	static void stop() {
		api.close();
		server.close();
	}

	@Test
	void acceptsTheTokenInEveryRfc6750Placement() throws Exception {
		String token = token();
		HttpResponse<String> header = send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/orders"))
			.header("Authorization", "Bearer " + token));
		assertThat(header.statusCode()).isEqualTo(200);
		assertThat(header.body()).contains("\"subject\":\"" + AuthorizationServerFixture.POST_CLIENT_ID + "\"");
		HttpResponse<String> query = send(
				HttpRequest.newBuilder(URI.create(api.baseUrl() + "/orders?x=1&access_token=" + token)));
		assertThat(query.statusCode()).isEqualTo(200);
		assertThat(query.body()).contains("\"x\":\"1\"").doesNotContain(token);
		HttpResponse<String> body = send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/orders"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("item=7&access_token=" + token)));
		assertThat(body.statusCode()).isEqualTo(200);
		assertThat(body.body()).contains("\"item\":\"7\"");
		assertThat(api.requests()).extracting(ProtectedApiFixture.ApiRequest::bearerToken).endsWith(token, token,
				token);
	}

	@Test
	void rejectsMissingForgedAndRevokedTokensButServesPublicPaths() throws Exception {
		assertThat(send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/orders"))).statusCode()).isEqualTo(401);
		assertThat(send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/orders"))
			.header("Authorization", "Bearer not.a.jwt")).statusCode()).isEqualTo(401);
		assertThat(send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/public/ping"))).statusCode())
			.isEqualTo(200);
		String token = token();
		api.revoke(token);
		HttpResponse<String> revoked = send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/orders"))
			.header("Authorization", "Bearer " + token));
		assertThat(revoked.statusCode()).isEqualTo(401);
		assertThat(revoked.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
				(value) -> assertThat(value).contains("invalid_token"));
		assertThat(api.requests().get(api.requests().size() - 1).status()).isEqualTo(401);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private String token() throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(server.tokenUri()))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id="
					+ AuthorizationServerFixture.POST_CLIENT_ID + "&client_secret="
					+ URLEncoder.encode(AuthorizationServerFixture.POST_CLIENT_SECRET, StandardCharsets.UTF_8))));
		assertThat(response.statusCode()).isEqualTo(200);
		String body = response.body();
		int start = body.indexOf("\"access_token\":\"") + "\"access_token\":\"".length();
		return body.substring(start, body.indexOf('"', start));
	}

}
