package io.github.oauthclient.token;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import io.github.oauthclient.core.BackendApplicationClient;
import io.github.oauthclient.testsupport.FaultInjectingTokenEndpoint;
import io.github.oauthclient.testsupport.LogCapture;
import io.github.oauthclient.testsupport.Reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * With TRACE on for {@code org.springframework} and our own packages, real exchanges (successes, errors, retries,
 * renewals) must log neither the client secret (raw, form-encoded or inside the Basic header) nor any token, and
 * the exceptions must not carry them either.
 */
class SecretsNeverLoggedTest {

	private static final String SECRET = "p+ss/w:rd%20&=?-very-secret";

	private static final String ACCESS_TOKEN = "eyJ-access-token-that-must-not-leak";

	private FaultInjectingTokenEndpoint endpoint;

	@BeforeEach
	void start() {
		endpoint = FaultInjectingTokenEndpoint.start();
	}

	@AfterEach
	void stop() {
		endpoint.close();
	}

	private TokenProvider chain(ClientAuthenticationMethod method) {
		TokenEndpointClient client = new TokenEndpointClient(BackendApplicationClient.builder("orders-service")
				.insecureTransport(true).build(), TokenEndpointSettings.builder().registrationId("orders")
				.tokenUri(endpoint.tokenUri()).clientId("orders-service").clientSecret(SECRET)
				.authenticationMethod(method).build());
		return CachingTokenProvider.builder(new RetryingTokenProvider(client, RetryPolicy.of(3, java.time.Duration
				.ofMillis(5)))).renewalPolicy(RenewalPolicy.defaults().withFailureCoolDown(java.time.Duration.ZERO))
				.build();
	}

	@Test
	void noSecretAndNoTokenInAnyLogLineOrException() {
		List<String> exceptionTexts = new ArrayList<>();
		try (LogCapture logs = LogCapture.atTrace("org.springframework", "io.github.oauthclient")) {
			for (ClientAuthenticationMethod method : List.of(ClientAuthenticationMethod.CLIENT_SECRET_BASIC,
					ClientAuthenticationMethod.CLIENT_SECRET_POST)) {
				endpoint.enqueue(Reply.error(503, "temporarily_unavailable", "retry"), Reply.token(ACCESS_TOKEN, 60),
						Reply.error(401, "invalid_client", "bad credentials"), Reply.droppedConnection(),
						Reply.droppedConnection(), Reply.droppedConnection());
				TokenProvider provider = chain(method);
				assertThat(provider.token().accessToken()).isEqualTo(ACCESS_TOKEN);
				exceptionTexts.add(String.valueOf(provider));
				exceptionTexts.add(String.valueOf(provider.token()));
				provider.invalidate(provider.token());
				exceptionTexts.add(describe(catchThrowable(provider::token)));
				exceptionTexts.add(describe(catchThrowable(provider::token)));
			}

			String logged = logs.text();
			assertThat(logged).as("DEBUG output of our own exchange was captured")
					.contains("Token request of registration 'orders'");
			for (String text : List.of(logged, String.join("\n", exceptionTexts))) {
				assertThat(text).doesNotContain(SECRET)
						.doesNotContain(URLEncoder.encode(SECRET, StandardCharsets.UTF_8))
						.doesNotContain(basicCredentials())
						.doesNotContain(ACCESS_TOKEN);
			}
		}
		// the secret really travelled, in the body (client_secret_post) and in the header (client_secret_basic)
		assertThat(endpoint.requests()).anySatisfy(request -> assertThat(request.body())
				.contains("client_secret=" + URLEncoder.encode(SECRET, StandardCharsets.UTF_8)));
		assertThat(endpoint.requests()).anySatisfy(request -> assertThat(request.header("Authorization"))
				.isEqualTo("Basic " + basicCredentials()));
	}

	/**
	 * The control experiment: a form body handed to {@code RestClient} as an object is logged verbatim at DEBUG, so
	 * the capture above would catch a regression to that style.
	 */
	@Test
	void springLogsAFormBodyPassedAsAnObject() {
		try (LogCapture logs = LogCapture.atTrace("org.springframework")) {
			RestClient.create().post().uri(endpoint.tokenUri()).contentType(MediaType.APPLICATION_FORM_URLENCODED)
					.body("grant_type=client_credentials&client_secret=visible-in-the-log").retrieve().toBodilessEntity();
			assertThat(logs.text()).contains("client_secret=visible-in-the-log");
		}
	}

	private static String basicCredentials() {
		String credentials = "orders-service:" + URLEncoder.encode(SECRET, StandardCharsets.UTF_8);
		return Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
	}

	private static String describe(Throwable failure) {
		StringBuilder text = new StringBuilder();
		for (Throwable t = failure; t != null; t = t.getCause()) {
			text.append(t).append('\n');
			for (Throwable suppressed : t.getSuppressed()) {
				text.append(suppressed).append('\n');
			}
		}
		return text.toString();
	}
}
