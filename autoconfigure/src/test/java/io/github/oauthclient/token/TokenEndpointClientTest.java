package io.github.oauthclient.token;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.oauthclient.core.BackendApplicationClient;
import io.github.oauthclient.core.OAuth2Token;
import io.github.oauthclient.testsupport.FaultInjectingTokenEndpoint;
import io.github.oauthclient.testsupport.LogCapture;
import io.github.oauthclient.testsupport.RecordedRequest;
import io.github.oauthclient.testsupport.Reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * One exchange over real HTTP against the fault-injecting endpoint: exact requests per authentication method, and
 * every kind of bad answer turned into a clear {@link TokenAcquisitionException}.
 */
class TokenEndpointClientTest {

	private static final String SECRET = "p+ss/w:rd%20&=?";

	private FaultInjectingTokenEndpoint endpoint;

	@BeforeEach
	void startEndpoint() {
		endpoint = FaultInjectingTokenEndpoint.start();
	}

	@AfterEach
	void stopEndpoint() {
		endpoint.close();
	}

	private TokenEndpointClient client(ClientAuthenticationMethod method) {
		return client(method, settings -> {
		});
	}

	private TokenEndpointClient client(ClientAuthenticationMethod method,
			Consumer<TokenEndpointSettings.Builder> customizer) {
		TokenEndpointSettings.Builder settings = TokenEndpointSettings.builder().registrationId("orders")
				.tokenUri(endpoint.tokenUri()).clientId("orders-service").authenticationMethod(method)
				.clientSecret(method == ClientAuthenticationMethod.NONE ? null : SECRET);
		customizer.accept(settings);
		return new TokenEndpointClient(BackendApplicationClient.builder("orders-service").insecureTransport(true)
				.build(), settings.build());
	}

	private TokenAcquisitionException failure(TokenEndpointClient client) {
		TokenAcquisitionException failure = catchThrowableOfType(TokenAcquisitionException.class, client::token);
		assertThat(failure).as("a TokenAcquisitionException").isNotNull();
		assertThat(failure.getMessage()).startsWith("Could not obtain an access token for registration 'orders' from "
				+ endpoint.tokenUri() + ": ").doesNotContain(SECRET);
		return failure;
	}

	// ------------------------------------------------------------------ requests per authentication method

	@Test
	void clientSecretBasicSendsFormEncodedCredentialsInTheHeader() {
		endpoint.enqueue(Reply.token("tok-1", 300));
		OAuth2Token token = client(ClientAuthenticationMethod.CLIENT_SECRET_BASIC,
				settings -> settings.scope(List.of("inventory.read", "inventory.write"))
						.extraParameter("resource", "https://inventory.example.com/")
						.extraParameter("audience", "inventory")).token();

		assertThat(token.accessToken()).isEqualTo("tok-1");
		assertThat(token.expiresIn()).isEqualTo(300L);
		RecordedRequest request = endpoint.lastRequest();
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
		assertThat(request.header("Accept")).isEqualTo("application/json");
		assertThat(basicCredentials(request)).isEqualTo("orders-service:p%2Bss%2Fw%3Ard%2520%26%3D%3F");
		assertThat(request.body()).isEqualTo("grant_type=client_credentials&scope=inventory.read+inventory.write"
				+ "&resource=https%3A%2F%2Finventory.example.com%2F&audience=inventory");
	}

	@Test
	void clientSecretBasicCanAlsoSendTheIdInTheBody() {
		client(ClientAuthenticationMethod.CLIENT_SECRET_BASIC, settings -> settings.includeClientId(true)).token();
		assertThat(endpoint.lastRequest().body()).isEqualTo("grant_type=client_credentials&client_id=orders-service");
	}

	@Test
	void clientSecretPostSendsIdAndSecretInTheBody() {
		client(ClientAuthenticationMethod.CLIENT_SECRET_POST, settings -> settings.scope(List.of("inventory.read"))
				.extraParameter("audience", "inventory")).token();
		RecordedRequest request = endpoint.lastRequest();
		assertThat(request.header("Authorization")).isNull();
		assertThat(request.body()).isEqualTo("grant_type=client_credentials&client_id=orders-service"
				+ "&client_secret=p%2Bss%2Fw%3Ard%2520%26%3D%3F&scope=inventory.read&audience=inventory");
		assertThat(request.formParameter("client_secret")).isEqualTo(SECRET);
	}

	@Test
	void noneSendsTheIdAndNoSecret() {
		client(ClientAuthenticationMethod.NONE, settings -> settings.scope(List.of("inventory.read"))).token();
		RecordedRequest request = endpoint.lastRequest();
		assertThat(request.header("Authorization")).isNull();
		assertThat(request.body())
				.isEqualTo("grant_type=client_credentials&client_id=orders-service&scope=inventory.read");
	}

	@Test
	void anEmptyScopeListSendsNoScope() {
		client(ClientAuthenticationMethod.CLIENT_SECRET_BASIC, settings -> settings.scope(List.of())).token();
		assertThat(endpoint.lastRequest().body()).isEqualTo("grant_type=client_credentials");
	}

	// ------------------------------------------------------------------ OAuth errors

	@Test
	void anErrorResponseBecomesTheTypedErrorWithTheHttpStatus() {
		endpoint.enqueue(Reply.error(401, "invalid_client", "Client authentication failed"));
		TokenAcquisitionException failure = failure(client(ClientAuthenticationMethod.CLIENT_SECRET_BASIC));
		assertThat(failure.httpStatus()).isEqualTo(401);
		assertThat(failure.error()).isEqualTo("invalid_client");
		assertThat(failure.errorDescription()).isEqualTo("Client authentication failed");
		assertThat(failure.isRetryable()).isFalse();
		assertThat(failure.getCause()).isInstanceOf(io.github.oauthclient.core.InvalidClientException.class);
		assertThat(failure.getMessage()).isEqualTo("Could not obtain an access token for registration 'orders' from "
				+ endpoint.tokenUri() + ": HTTP 401, error 'invalid_client': Client authentication failed. Check "
				+ "oauth.client.registrations.orders.client-id, oauth.client.registrations.orders.client-secret and "
				+ "oauth.client.registrations.orders.authentication-method (now client_secret_basic)");
	}

	@Test
	void aSuccessStatusWithAnErrorFieldIsAnError() {
		endpoint.enqueue(Reply.json(200, "{\"access_token\":\"x\",\"error\":\"invalid_scope\"}"));
		TokenAcquisitionException failure = failure(client(ClientAuthenticationMethod.CLIENT_SECRET_BASIC));
		assertThat(failure.httpStatus()).isEqualTo(200);
		assertThat(failure.error()).isEqualTo("invalid_scope");
		assertThat(failure.getMessage()).contains("HTTP 200, error 'invalid_scope'")
				.contains("Check oauth.client.registrations.orders.scope");
	}

	@Test
	void aServerThatEchoesTheSecretDoesNotGetItIntoTheMessage() {
		endpoint.enqueue(Reply.error(401, "invalid_client", "wrong secret " + SECRET));
		TokenAcquisitionException failure = failure(client(ClientAuthenticationMethod.CLIENT_SECRET_POST));
		assertThat(failure.errorDescription()).isEqualTo("wrong secret ******");
		assertThat(failure.getCause()).isNull();
	}

	// ------------------------------------------------------------------ server errors and I/O

	@Test
	void anHtmlErrorPageFromAGatewayIsRetryable() {
		endpoint.enqueue(Reply.of(502, "text/html", "<html><body>Bad Gateway</body></html>"));
		TokenAcquisitionException failure = failure(client(ClientAuthenticationMethod.CLIENT_SECRET_BASIC));
		assertThat(failure.httpStatus()).isEqualTo(502);
		assertThat(failure.isRetryable()).isTrue();
		assertThat(failure.error()).isNull();
		assertThat(failure.getMessage()).endsWith("HTTP 502, the response is not an OAuth 2.0 error response "
				+ "(text/html, 37 bytes)");
	}

	@Test
	void tooManyRequestsCarriesRetryAfterInSeconds() {
		endpoint.enqueue(Reply.error(429, "slow_down", "too many requests").withHeader("Retry-After", "3"));
		TokenAcquisitionException failure = failure(client(ClientAuthenticationMethod.CLIENT_SECRET_BASIC));
		assertThat(failure.httpStatus()).isEqualTo(429);
		assertThat(failure.isRetryable()).isTrue();
		assertThat(failure.retryAfter()).contains(Duration.ofSeconds(3));
	}

	@Test
	void retryAfterMayBeAnHttpDate() {
		String inAMinute = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now().plusSeconds(60));
		endpoint.enqueue(Reply.of(503, "text/plain", "maintenance").withHeader("Retry-After", inAMinute));
		TokenAcquisitionException failure = failure(client(ClientAuthenticationMethod.CLIENT_SECRET_BASIC));
		assertThat(failure.retryAfter()).hasValueSatisfying(
				delay -> assertThat(delay).isBetween(Duration.ofSeconds(50), Duration.ofSeconds(61)));
	}

	@Test
	void aDroppedConnectionIsARetryableIoError() {
		endpoint.enqueue(Reply.droppedConnection());
		TokenAcquisitionException failure = failure(client(ClientAuthenticationMethod.CLIENT_SECRET_BASIC));
		assertThat(failure.httpStatus()).isZero();
		assertThat(failure.isRetryable()).isTrue();
		assertThat(failure.getMessage()).contains("I/O error");
	}

	@Test
	void aReadTimeoutIsARetryableIoError() {
		endpoint.enqueue(Reply.token("late", 60).withDelay(Duration.ofSeconds(2)));
		TokenAcquisitionException failure = failure(client(ClientAuthenticationMethod.CLIENT_SECRET_BASIC,
				settings -> settings.readTimeout(Duration.ofMillis(200))));
		assertThat(failure.isRetryable()).isTrue();
		assertThat(failure.getMessage()).contains("timed out").contains("the read timeout 200 ms")
				.contains("oauth.client.registrations.orders.read-timeout");
	}

	@Test
	void aConnectionRefusedIsARetryableIoError() {
		String uri = endpoint.tokenUri();
		endpoint.close();
		TokenEndpointClient client = new TokenEndpointClient(BackendApplicationClient.builder("orders-service")
				.insecureTransport(true).build(), TokenEndpointSettings.builder().registrationId("orders")
				.tokenUri(uri).clientId("orders-service").clientSecret(SECRET).build());
		TokenAcquisitionException failure = catchThrowableOfType(TokenAcquisitionException.class, client::token);
		assertThat(failure.isRetryable()).isTrue();
		assertThat(failure.getMessage()).contains("registration 'orders'").contains(uri).contains("I/O error");
		endpoint = FaultInjectingTokenEndpoint.start();
	}

	@Test
	void aHugeBodyIsNotReadWhole() {
		endpoint.enqueue(Reply.json(200, "{\"access_token\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}"));
		TokenAcquisitionException failure = failure(client(ClientAuthenticationMethod.CLIENT_SECRET_BASIC));
		assertThat(failure.getMessage()).contains("the response is larger than 1048576 bytes");
		assertThat(failure.isRetryable()).isFalse();
	}

	@Test
	void redirectsAreNotFollowed() {
		endpoint.enqueue(Reply.of(302, "text/plain", "").withHeader("Location", endpoint.baseUri() + "/elsewhere"));
		TokenAcquisitionException failure = failure(client(ClientAuthenticationMethod.CLIENT_SECRET_BASIC));
		assertThat(failure.httpStatus()).isEqualTo(302);
		assertThat(failure.getMessage()).contains("redirects to " + endpoint.baseUri() + "/elsewhere");
		assertThat(endpoint.requestCount("/elsewhere")).isZero();
	}

	// ------------------------------------------------------------------ garbage

	@Test
	void anHtmlPageWithStatus200IsNotAToken() {
		endpoint.enqueue(Reply.of(200, "text/html;charset=UTF-8", "<html>Login</html>"));
		TokenAcquisitionException failure = failure(client(ClientAuthenticationMethod.CLIENT_SECRET_BASIC));
		assertThat(failure.getMessage()).contains("HTTP 200, the response is not a usable token response "
				+ "(text/html;charset=UTF-8, 18 bytes): Missing access token parameter.");
		assertThat(failure.isRetryable()).isFalse();
	}

	@Test
	void truncatedJsonIsNotAToken() {
		endpoint.enqueue(Reply.json(200, "{\"access_token\":\"abc\",\"expires_"));
		assertThat(failure(client(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)).getMessage())
				.contains("not a usable token response");
	}

	@Test
	void aMissingAccessTokenIsNamed() {
		endpoint.enqueue(Reply.json(200, "{\"token_type\":\"Bearer\",\"expires_in\":60}"));
		assertThat(failure(client(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)).getMessage())
				.contains("Missing access token parameter.");
	}

	@Test
	void anEmptyAccessTokenIsRefused() {
		endpoint.enqueue(Reply.json(200, "{\"access_token\":\"\",\"token_type\":\"Bearer\"}"));
		assertThat(failure(client(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)).getMessage())
				.contains("the response has an empty access_token");
	}

	@Test
	void expiresInThatIsNotAnIntegerIsRefused() {
		endpoint.enqueue(Reply.json(200, "{\"access_token\":\"abc\",\"expires_in\":\"abc\"}"));
		TokenAcquisitionException failure = failure(client(ClientAuthenticationMethod.CLIENT_SECRET_BASIC));
		assertThat(failure.getMessage()).contains("expires_in").doesNotContain("\"abc\",");
	}

	@Test
	void negativeExpiresInIsRefused() {
		endpoint.enqueue(Reply.token("abc", -5));
		assertThat(failure(client(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)).getMessage())
				.contains("expires_in is negative (-5)");
	}

	@Test
	void absurdlyLargeExpiresInIsRefused() {
		endpoint.enqueue(Reply.token("abc", 100_000_000_000L));
		assertThat(failure(client(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)).getMessage())
				.contains("expires_in is absurdly large");
		endpoint.enqueue(Reply.json(200, "{\"access_token\":\"abc\",\"expires_in\":1e400}"));
		assertThat(failure(client(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)).getMessage())
				.contains("expires_in");
	}

	@Test
	void stringAndMissingExpiresInAreFine() {
		endpoint.enqueue(Reply.json(200, "{\"access_token\":\"a\",\"token_type\":\"bearer\",\"expires_in\":\"3599\"}"),
				Reply.tokenWithoutExpiry("b"));
		TokenEndpointClient client = client(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
		assertThat(client.token().expiresIn()).isEqualTo(3599L);
		assertThat(client.token().expiresIn()).isNull();
	}

	// ------------------------------------------------------------------ scope changes

	@Test
	void aScopeChangeIsRefusedUnlessTokenScopeIsRelaxed() {
		endpoint.enqueue(Reply.json(200, "{\"access_token\":\"a\",\"token_type\":\"Bearer\",\"scope\":\"read\"}"));
		TokenAcquisitionException failure = failure(client(ClientAuthenticationMethod.CLIENT_SECRET_BASIC,
				settings -> settings.scope(List.of("read", "write"))));
		assertThat(failure.getMessage()).contains("granted the scopes [read] but [read, write] were requested")
				.contains("oauth.client.registrations.orders.relax-token-scope=true");
	}

	@Test
	void aRelaxedScopeChangeIsAcceptedAndLoggedOnce() {
		Reply narrowed = Reply.json(200, "{\"access_token\":\"a\",\"token_type\":\"Bearer\",\"scope\":\"read\"}");
		endpoint.enqueue(narrowed, narrowed);
		TokenEndpointClient client = new TokenEndpointClient(BackendApplicationClient.builder("orders-service")
				.insecureTransport(true).relaxTokenScope(true).build(), TokenEndpointSettings.builder()
				.registrationId("orders").tokenUri(endpoint.tokenUri()).clientId("orders-service")
				.clientSecret(SECRET).scope(List.of("read", "write")).build());
		try (LogCapture logs = LogCapture.atTrace("io.github.oauthclient")) {
			assertThat(client.token().scopes()).containsExactly("read");
			assertThat(client.token().scopes()).containsExactly("read");
			List<String> warnings = logs.events().stream()
					.filter(event -> event.getLevel() == ch.qos.logback.classic.Level.WARN)
					.map(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage).toList();
			assertThat(warnings).hasSize(1);
			assertThat(warnings.get(0)).contains("granted the scopes [read] but [read, write] were requested");
		}
	}

	// ------------------------------------------------------------------ discovery

	@Test
	void theTokenUriIsDiscoveredOnFirstUseAndRemembered() {
		String issuer = endpoint.baseUri() + "/tenant";
		endpoint.route("/.well-known/oauth-authorization-server/tenant", Reply.json(200,
				"{\"issuer\":\"" + issuer + "\",\"token_endpoint\":\"" + endpoint.tokenUri() + "\"}"));
		TokenEndpointClient client = client(ClientAuthenticationMethod.CLIENT_SECRET_BASIC,
				settings -> settings.tokenUri(null).issuerUri(issuer));
		assertThat(endpoint.requestCount("/.well-known/oauth-authorization-server/tenant")).isZero();

		client.token();
		client.token();

		assertThat(endpoint.requestCount("/.well-known/oauth-authorization-server/tenant")).isEqualTo(1);
		assertThat(endpoint.requestCount()).isEqualTo(2);
	}

	@Test
	void discoveryFallsBackToOpenIdConfiguration() {
		String issuer = endpoint.baseUri() + "/realms/x";
		endpoint.route("/realms/x/.well-known/openid-configuration", Reply.json(200,
				"{\"issuer\":\"" + issuer + "\",\"token_endpoint\":\"" + endpoint.tokenUri() + "\"}"));
		client(ClientAuthenticationMethod.CLIENT_SECRET_BASIC, settings -> settings.tokenUri(null).issuerUri(issuer))
				.token();
		assertThat(endpoint.requestCount("/.well-known/oauth-authorization-server/realms/x")).isEqualTo(1);
		assertThat(endpoint.requestCount("/realms/x/.well-known/openid-configuration")).isEqualTo(1);
		assertThat(endpoint.requestCount()).isEqualTo(1);
	}

	@Test
	void discoveryRefusesMetadataOfAnotherIssuer() {
		String issuer = endpoint.baseUri();
		endpoint.route("/.well-known/oauth-authorization-server", Reply.json(200,
				"{\"issuer\":\"https://evil.example.com\",\"token_endpoint\":\"https://evil.example.com/token\"}"));
		TokenEndpointClient client = client(ClientAuthenticationMethod.CLIENT_SECRET_BASIC,
				settings -> settings.tokenUri(null).issuerUri(issuer));
		TokenAcquisitionException failure = catchThrowableOfType(TokenAcquisitionException.class, client::token);
		assertThat(failure.getMessage()).contains("names the issuer 'https://evil.example.com'")
				.contains("oauth.client.registrations.orders.issuer-uri");
		assertThat(endpoint.requestCount()).isZero();
	}

	@Test
	void discoveryRefusesAPlainHttpTokenEndpointOnARemoteHost() {
		String issuer = endpoint.baseUri();
		endpoint.route("/.well-known/oauth-authorization-server", Reply.json(200,
				"{\"issuer\":\"" + issuer + "\",\"token_endpoint\":\"http://idp.example.com/token\"}"));
		TokenEndpointClient client = client(ClientAuthenticationMethod.CLIENT_SECRET_BASIC,
				settings -> settings.tokenUri(null).issuerUri(issuer));
		TokenAcquisitionException failure = catchThrowableOfType(TokenAcquisitionException.class, client::token);
		assertThat(failure.getMessage()).contains("plain http")
				.contains("oauth.client.registrations.orders.insecure-transport=true");
	}

	@Test
	void aFailedDiscoveryNamesWhatWasTriedAndIsTriedAgain() {
		String issuer = endpoint.baseUri();
		TokenEndpointClient client = client(ClientAuthenticationMethod.CLIENT_SECRET_BASIC,
				settings -> settings.tokenUri(null).issuerUri(issuer));
		TokenAcquisitionException failure = catchThrowableOfType(TokenAcquisitionException.class, client::token);
		assertThat(failure.getMessage()).contains("could not discover the token endpoint")
				.contains(issuer + "/.well-known/oauth-authorization-server: HTTP 404")
				.contains(issuer + "/.well-known/openid-configuration: HTTP 404");
		assertThat(failure.isRetryable()).isFalse();

		endpoint.route("/.well-known/openid-configuration", Reply.json(200,
				"{\"issuer\":\"" + issuer + "\",\"token_endpoint\":\"" + endpoint.tokenUri() + "\"}"));
		assertThat(client.token().accessToken()).isEqualTo("token-1");
	}

	@Test
	void metadataUrisFollowRfc8414ThenOpenIdConnect() {
		assertThat(IssuerDiscovery.metadataUris("https://idp.example.com")).containsExactly(
				"https://idp.example.com/.well-known/oauth-authorization-server",
				"https://idp.example.com/.well-known/openid-configuration");
		assertThat(IssuerDiscovery.metadataUris("https://idp.example.com/realms/x/")).containsExactly(
				"https://idp.example.com/.well-known/oauth-authorization-server/realms/x",
				"https://idp.example.com/realms/x/.well-known/openid-configuration");
	}

	private static String basicCredentials(RecordedRequest request) {
		String authorization = request.header("Authorization");
		assertThat(authorization).startsWith("Basic ");
		return new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8);
	}
}
