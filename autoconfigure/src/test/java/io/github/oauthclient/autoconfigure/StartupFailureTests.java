package io.github.oauthclient.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Every configuration mistake a user can make fails the start-up with a message that names the property and the
 * fix, and never shows the secret.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureTests {

	private static final String SECRET = "Sup3r-S3cret-Value";

	private static final String TOKEN_URI = "oauth.client.token-uri=https://idp.example.com/oauth2/token";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, OAuthClientAutoConfiguration.class,
				OAuthClientRestClientAutoConfiguration.class));

	@Test
	void missingClientId() {
		assertFailure("oauth.client.client-id", "is not set", "Set oauth.client.client-id", TOKEN_URI,
				"oauth.client.client-secret=" + SECRET);
	}

	@Test
	void missingClientIdOfANamedRegistration() {
		assertFailure("oauth.client.registrations.billing.client-id", "is not set",
				"Set oauth.client.registrations.billing.client-id", TOKEN_URI,
				"oauth.client.registrations.billing.client-secret=" + SECRET);
	}

	@Test
	void neitherTokenUriNorIssuerUri() {
		assertFailure("oauth.client.token-uri", "neither is oauth.client.issuer-uri", "oauth.client.issuer-uri",
				"oauth.client.client-id=orders", "oauth.client.client-secret=" + SECRET);
	}

	@Test
	void neitherTokenUriNorIssuerUriForANamedRegistration() {
		assertFailure("oauth.client.registrations.billing.token-uri", "is not set",
				"https://idp.example.com/oauth2/token", "oauth.client.registrations.billing.client-id=billing",
				"oauth.client.registrations.billing.client-secret=" + SECRET);
	}

	@Test
	void bothTokenUriAndIssuerUri() {
		assertFailure("oauth.client.token-uri", "together with oauth.client.issuer-uri", "only one of them",
				TOKEN_URI, "oauth.client.issuer-uri=https://idp.example.com", "oauth.client.client-id=orders",
				"oauth.client.client-secret=" + SECRET);
	}

	@Test
	void malformedTokenUri() {
		assertFailure("oauth.client.token-uri", "is not a valid URI", "absolute URL",
				"oauth.client.token-uri=https://idp example.com/token", "oauth.client.client-id=orders",
				"oauth.client.client-secret=" + SECRET);
	}

	@Test
	void relativeTokenUri() {
		assertFailure("oauth.client.token-uri", "is not an absolute http(s) URL", "absolute URL",
				"oauth.client.token-uri=/oauth2/token", "oauth.client.client-id=orders",
				"oauth.client.client-secret=" + SECRET);
	}

	@Test
	void malformedIssuerUri() {
		assertFailure("oauth.client.issuer-uri", "is not an absolute http(s) URL", "absolute URL",
				"oauth.client.issuer-uri=idp.example.com", "oauth.client.client-id=orders",
				"oauth.client.client-secret=" + SECRET);
	}

	@Test
	void credentialsInTheTokenUriAreRefusedWithoutBeingShown() {
		assertFailure("oauth.client.token-uri", "contains user info", "oauth.client.client-secret",
				"oauth.client.token-uri=https://orders:" + SECRET + "@idp.example.com/token",
				"oauth.client.client-id=orders", "oauth.client.client-secret=" + SECRET);
	}

	@Test
	void plainHttpTokenUriToARemoteHost() {
		assertFailure("oauth.client.token-uri", "plain http", "oauth.client.insecure-transport=true",
				"oauth.client.token-uri=http://idp.example.com/token", "oauth.client.client-id=orders",
				"oauth.client.client-secret=" + SECRET);
	}

	@Test
	void plainHttpIsFineForLoopbackOrWithInsecureTransport() {
		this.runner.withPropertyValues("oauth.client.token-uri=http://localhost:9000/token",
				"oauth.client.client-id=orders", "oauth.client.client-secret=" + SECRET)
			.run((context) -> assertThat(context).hasNotFailed());
		this.runner.withPropertyValues("oauth.client.token-uri=http://idp.example.com/token",
				"oauth.client.insecure-transport=true", "oauth.client.client-id=orders",
				"oauth.client.client-secret=" + SECRET)
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void unknownAuthenticationMethod() {
		assertFailure("oauth.client.authentication-method", "'client_secret_jwe', which is not one of "
				+ "client_secret_basic, client_secret_post, none, private_key_jwt, client_secret_jwt, tls_client_auth, "
				+ "self_signed_tls_client_auth",
				"(default client_secret_basic)", TOKEN_URI,
				"oauth.client.client-id=orders", "oauth.client.client-secret=" + SECRET,
				"oauth.client.authentication-method=client_secret_jwe");
	}

	@Test
	void unknownTokenPlacement() {
		assertFailure("oauth.client.token-placement", "'header', which is not one of auth_header, query, body",
				"(default auth_header)", TOKEN_URI, "oauth.client.client-id=orders",
				"oauth.client.client-secret=" + SECRET, "oauth.client.token-placement=header");
	}

	@Test
	void anInheritedBadValueNamesTheRootProperty() {
		assertFailure("oauth.client.token-placement", "not one of", "auth_header", TOKEN_URI,
				"oauth.client.token-placement=cookie", "oauth.client.registrations.billing.client-id=billing",
				"oauth.client.registrations.billing.client-secret=" + SECRET);
	}

	@Test
	void aSecretWithAuthenticationMethodNone() {
		assertFailure("oauth.client.client-secret", "authentication-method is none",
				"Remove oauth.client.client-secret", TOKEN_URI, "oauth.client.client-id=orders",
				"oauth.client.client-secret=" + SECRET, "oauth.client.authentication-method=none");
	}

	@Test
	void noSecretForClientSecretBasic() {
		assertFailure("oauth.client.client-secret", "is not set", "authentication-method to none", TOKEN_URI,
				"oauth.client.client-id=orders");
	}

	@Test
	void aNamedRegistrationWithItsOwnClientIdDoesNotInheritTheSecret() {
		assertFailure("oauth.client.registrations.billing.client-secret", "is not set", "does not inherit",
				TOKEN_URI, "oauth.client.client-secret=" + SECRET,
				"oauth.client.registrations.billing.client-id=billing");
	}

	@Test
	void severalRegistrationsMustEachListResourceUrls() {
		assertFailure("oauth.client.registrations.billing.resource-urls", "there are 2 OAuth client registrations",
				"Set oauth.client.registrations.billing.resource-urls", TOKEN_URI, "oauth.client.client-id=orders",
				"oauth.client.client-secret=" + SECRET, "oauth.client.resource-urls=https://orders.example.com",
				"oauth.client.registrations.billing.client-id=billing",
				"oauth.client.registrations.billing.client-secret=" + SECRET + "2");
	}

	@Test
	void theDefaultRegistrationMustListResourceUrlsToo() {
		assertFailure("oauth.client.resource-urls", "is not set", "registration 'default'", TOKEN_URI,
				"oauth.client.client-id=orders", "oauth.client.client-secret=" + SECRET,
				"oauth.client.registrations.billing.resource-urls=https://billing.example.com");
	}

	@Test
	void aResourceUrlListedTwice() {
		assertFailure("oauth.client.registrations.billing.resource-urls", "which oauth.client.resource-urls lists",
				"one registration only", TOKEN_URI, "oauth.client.client-id=orders",
				"oauth.client.client-secret=" + SECRET, "oauth.client.resource-urls=https://api.example.com/v1",
				"oauth.client.registrations.billing.resource-urls=https://API.example.com:443/v1/");
	}

	@Test
	void aMalformedResourceUrl() {
		assertFailure("oauth.client.resource-urls[1]", "must be an absolute URL", "https://api.example.com/v1",
				TOKEN_URI, "oauth.client.client-id=orders", "oauth.client.client-secret=" + SECRET,
				"oauth.client.resource-urls=https://api.example.com,api.example.com/v2");
	}

	@Test
	void aPlainHttpResourceUrlToARemoteHost() {
		assertFailure("oauth.client.resource-urls[0]", "would expose the token", "insecure-transport=true",
				TOKEN_URI, "oauth.client.client-id=orders", "oauth.client.client-secret=" + SECRET,
				"oauth.client.resource-urls=http://api.example.com");
	}

	@Test
	void theReservedRegistrationNameDefault() {
		assertFailure("oauth.client.registrations.default", "reserved name", "move these keys there", TOKEN_URI,
				"oauth.client.registrations.default.client-id=orders");
	}

	@Test
	void aZeroTimeout() {
		assertFailure("oauth.client.connect-timeout", "must be positive", "the default is PT5S", TOKEN_URI,
				"oauth.client.client-id=orders", "oauth.client.client-secret=" + SECRET,
				"oauth.client.connect-timeout=0s");
	}

	@Test
	void aNegativeRenewalWindow() {
		assertFailure("oauth.client.registrations.billing.renew-before-expiry", "must be zero or positive",
				"duration", TOKEN_URI, "oauth.client.registrations.billing.client-id=billing",
				"oauth.client.registrations.billing.client-secret=" + SECRET,
				"oauth.client.registrations.billing.renew-before-expiry=-1s");
	}

	@Test
	void noAttemptsAtAll() {
		assertFailure("oauth.client.retry.max-attempts", "at least one attempt", "1 (no retries)", TOKEN_URI,
				"oauth.client.client-id=orders", "oauth.client.client-secret=" + SECRET,
				"oauth.client.retry.max-attempts=0");
	}

	@Test
	void anUnknownSslBundle() {
		assertFailure("oauth.client.ssl-bundle", "'corporate-ca', which does not exist",
				"spring.ssl.bundle.pem.corporate-ca", TOKEN_URI, "oauth.client.client-id=orders",
				"oauth.client.client-secret=" + SECRET, "oauth.client.ssl-bundle=corporate-ca");
	}

	@Test
	void aReservedExtraParameter() {
		assertFailure("oauth.client", "oauth.client.extra-parameters must not contain 'grant_type'",
				"Correct the property", TOKEN_URI, "oauth.client.client-id=orders",
				"oauth.client.client-secret=" + SECRET, "oauth.client.extra-parameters.grant_type=password");
	}

	@Test
	void bootPrintsTheAnalysisWhenARealApplicationFailsToStart(CapturedOutput output) {
		SpringApplication application = new SpringApplication(BrokenApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setDefaultProperties(java.util.Map.of("oauth.client.token-uri", "https://idp.example.com/t",
				"oauth.client.client-secret", SECRET, "spring.main.banner-mode", "off"));
		org.assertj.core.api.Assertions.assertThatException().isThrownBy(application::run);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Property: oauth.client.client-id")
			.contains("Set oauth.client.client-id to the client id")
			.doesNotContain(SECRET);
	}

	private void assertFailure(String property, String problem, String action, String... properties) {
		this.runner.withPropertyValues(properties).run((context) -> {
			assertThat(context).hasFailed();
			Throwable failure = context.getStartupFailure();
			InvalidOAuthClientPropertyException cause = find(failure);
			assertThat(cause).as("cause of %s", failure).isNotNull();
			assertThat(cause.property()).isEqualTo(property);
			FailureAnalysis analysis = new InvalidOAuthClientPropertyFailureAnalyzer().analyze(failure);
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains("Property: " + property).contains(problem);
			assertThat(analysis.getAction()).contains(action);
			for (String text : everyMessage(failure, analysis)) {
				assertThat(text).doesNotContain(SECRET);
			}
		});
	}

	private static InvalidOAuthClientPropertyException find(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof InvalidOAuthClientPropertyException invalid) {
				return invalid;
			}
		}
		return null;
	}

	private static List<String> everyMessage(Throwable failure, FailureAnalysis analysis) {
		List<String> texts = new ArrayList<>(List.of(analysis.getDescription(), analysis.getAction()));
		for (Throwable t = failure; t != null; t = t.getCause()) {
			texts.add(String.valueOf(t.getMessage()));
			texts.add(t.toString());
		}
		return texts;
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class BrokenApplication {

	}

}
