package io.github.oauthclient.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.github.oauthclient.core.BackendApplicationClient;
import io.github.oauthclient.core.OAuth2Token;
import io.github.oauthclient.testsupport.AuthorizationServerFixture;

import static io.github.oauthclient.testsupport.AuthorizationServerFixture.BASIC_CLIENT_ID;
import static io.github.oauthclient.testsupport.AuthorizationServerFixture.POST_CLIENT_ID;
import static io.github.oauthclient.testsupport.AuthorizationServerFixture.POST_CLIENT_SECRET;
import static io.github.oauthclient.testsupport.AuthorizationServerFixture.PUBLIC_CLIENT_ID;
import static io.github.oauthclient.testsupport.AuthorizationServerFixture.SCOPE_READ;
import static io.github.oauthclient.testsupport.AuthorizationServerFixture.SCOPE_WRITE;
import static io.github.oauthclient.testsupport.AuthorizationServerFixture.TRICKY_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Tokens from a real Spring Authorization Server (in-process, random loopback port) for every client authentication
 * method, with secrets that only survive correct RFC 6749 section 2.3.1 encoding.
 */
class AuthorizationServerTokenTest {

	private static AuthorizationServerFixture server;

	@BeforeAll
	static void startServer() {
		server = AuthorizationServerFixture.start();
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	private static TokenEndpointClient client(String clientId, String secret, ClientAuthenticationMethod method,
			Consumer<TokenEndpointSettings.Builder> customizer) {
		TokenEndpointSettings.Builder settings = TokenEndpointSettings.builder().registrationId("inventory")
				.tokenUri(server.tokenUri()).clientId(clientId).clientSecret(secret).authenticationMethod(method)
				.scope(List.of(SCOPE_READ, SCOPE_WRITE));
		customizer.accept(settings);
		return new TokenEndpointClient(BackendApplicationClient.builder(clientId).insecureTransport(true).build(),
				settings.build());
	}

	@Test
	void clientSecretBasicWithATrickySecret() {
		OAuth2Token token = client(BASIC_CLIENT_ID, TRICKY_SECRET, ClientAuthenticationMethod.CLIENT_SECRET_BASIC,
				settings -> {
				}).token();
		assertThat(token.accessToken()).isNotBlank();
		assertThat(token.tokenType()).isEqualTo("Bearer");
		assertThat(token.expiresIn()).isBetween(299L, 300L);
		assertThat(token.scopes()).containsExactly(SCOPE_READ, SCOPE_WRITE);
		// Spring Authorization Server issues JWTs by default: their exp agrees with expires_in
		Instant exp = JwtExpiry.expiresAt(token.accessToken()).orElseThrow();
		assertThat(Duration.between(Instant.now(), exp)).isBetween(Duration.ofSeconds(290), Duration.ofSeconds(301));
	}

	@Test
	void clientSecretPostWithATrickySecret() {
		OAuth2Token token = client(POST_CLIENT_ID, POST_CLIENT_SECRET, ClientAuthenticationMethod.CLIENT_SECRET_POST,
				settings -> settings.scope(List.of(SCOPE_READ))).token();
		assertThat(token.accessToken()).isNotBlank();
		assertThat(token.scopes()).containsExactly(SCOPE_READ);
	}

	@Test
	void theServerRefusesTheWrongAuthenticationMethod() {
		TokenAcquisitionException failure = catchThrowableOfType(TokenAcquisitionException.class,
				client(POST_CLIENT_ID, POST_CLIENT_SECRET, ClientAuthenticationMethod.CLIENT_SECRET_BASIC,
						settings -> {
						})::token);
		assertThat(failure.httpStatus()).isEqualTo(401);
		assertThat(failure.error()).isEqualTo("invalid_client");
	}

	@Test
	void aWrongSecretIsInvalidClientAndTheMessageSaysWhatToCheck() {
		TokenAcquisitionException failure = catchThrowableOfType(TokenAcquisitionException.class,
				client(BASIC_CLIENT_ID, "wrong-" + TRICKY_SECRET, ClientAuthenticationMethod.CLIENT_SECRET_BASIC,
						settings -> {
						})::token);
		assertThat(failure.httpStatus()).isEqualTo(401);
		assertThat(failure.error()).isEqualTo("invalid_client");
		assertThat(failure.isRetryable()).isFalse();
		assertThat(failure.getMessage()).contains("registration 'inventory'").contains(server.tokenUri())
				.contains("HTTP 401, error 'invalid_client'")
				.contains("oauth.client.registrations.inventory.client-secret").doesNotContain(TRICKY_SECRET);
	}

	@Test
	void anUnknownScopeIsInvalidScope() {
		TokenAcquisitionException failure = catchThrowableOfType(TokenAcquisitionException.class,
				client(BASIC_CLIENT_ID, TRICKY_SECRET, ClientAuthenticationMethod.CLIENT_SECRET_BASIC,
						settings -> settings.scope(List.of("payments.admin")))::token);
		assertThat(failure.httpStatus()).isEqualTo(400);
		assertThat(failure.error()).isEqualTo("invalid_scope");
		assertThat(failure.getMessage()).contains("Check oauth.client.registrations.inventory.scope");
	}

	@Test
	void aPublicClientIsRefusedForClientCredentialsBySpringAuthorizationServer() {
		// SAS authenticates public clients only with PKCE (authorization_code); "none" is tested against the
		// fault-injecting endpoint, which asserts the exact body.
		TokenAcquisitionException failure = catchThrowableOfType(TokenAcquisitionException.class,
				client(PUBLIC_CLIENT_ID, null, ClientAuthenticationMethod.NONE, settings -> {
				})::token);
		assertThat(failure.httpStatus()).isEqualTo(401);
		assertThat(failure.getMessage()).contains("HTTP 401")
				.contains("oauth.client.registrations.inventory.authentication-method (now none)");
	}

	@Test
	void theTokenEndpointIsDiscoveredFromTheIssuer() {
		OAuth2Token token = client(BASIC_CLIENT_ID, TRICKY_SECRET, ClientAuthenticationMethod.CLIENT_SECRET_BASIC,
				settings -> settings.tokenUri(null).issuerUri(server.issuer())).token();
		assertThat(token.accessToken()).isNotBlank();
	}

	@Test
	void theWholeChainCachesTheServersToken() {
		TokenProvider provider = CachingTokenProvider.builder(new RetryingTokenProvider(client(BASIC_CLIENT_ID,
				TRICKY_SECRET, ClientAuthenticationMethod.CLIENT_SECRET_BASIC, settings -> {
				}), RetryPolicy.defaults())).clock(Clock.systemUTC()).registrationId("inventory").build();
		OAuth2Token first = provider.token();
		assertThat(provider.token()).isSameAs(first);
		provider.invalidate(first);
		OAuth2Token second = provider.token();
		assertThat(second.accessToken()).isNotEqualTo(first.accessToken());
	}
}
