package io.github.oauthclient.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.security.interfaces.ECPublicKey;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.github.oauthclient.testsupport.TestKeys;
import io.github.oauthclient.token.TokenProvider;

/**
 * Every mistake in the {@code jwt-assertion.*} keys stops the start-up with a message naming the property and the
 * fix, and never shows a key or password; a correct configuration starts.
 */
class JwtAssertionStartupFailureTests {

	private static final String STORE_PASSWORD = "St0re-Passw0rd";

	@TempDir
	static Path dir;

	private static Path rsaPem;

	private static Path ecPem;

	private static Path publicPem;

	private static Path keyStore;

	private static Path publicJwk;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, OAuthClientAutoConfiguration.class,
				OAuthClientRestClientAutoConfiguration.class))
		.withPropertyValues("oauth.client.token-uri=https://idp.example.com/oauth2/token",
				"oauth.client.client-id=orders");

	@BeforeAll
	static void keys() throws Exception {
		KeyPair rsa = TestKeys.rsa();
		KeyPair ec = TestKeys.ec("secp384r1");
		rsaPem = TestKeys.writePkcs8Pem(rsa.getPrivate(), dir.resolve("rsa.pem"));
		ecPem = TestKeys.writePkcs8Pem(ec.getPrivate(), dir.resolve("ec384.pem"));
		publicPem = TestKeys.writePublicPem(rsa.getPublic(), dir.resolve("public.pem"));
		keyStore = TestKeys.generateKeyStore(dir.resolve("client.p12"), "PKCS12", "signing", STORE_PASSWORD, "EC",
				"CN=orders");
		publicJwk = Files.writeString(dir.resolve("public.jwk.json"),
				new ECKey.Builder(Curve.P_384, (ECPublicKey) ec.getPublic()).build().toJSONString());
	}

	@Test
	void aValidPemKeyStarts() {
		this.runner.withPropertyValues("oauth.client.authentication-method=private_key_jwt",
				"oauth.client.jwt-assertion.private-key-location=" + rsaPem, "oauth.client.jwt-assertion.algorithm=PS256")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(TokenProvider.class));
	}

	@Test
	void noKey() {
		assertFailure("oauth.client.jwt-assertion.private-key-location", "is private_key_jwt",
				"Set one of them to the client's private key", "oauth.client.authentication-method=private_key_jwt");
	}

	@Test
	void twoKeys() {
		assertFailure("oauth.client.jwt-assertion.private-key-location",
				"is set together with oauth.client.jwt-assertion.jwk-location", "exactly one",
				"oauth.client.authentication-method=private_key_jwt",
				"oauth.client.jwt-assertion.private-key-location=" + rsaPem,
				"oauth.client.jwt-assertion.jwk-location=" + publicJwk);
	}

	@Test
	void missingKeyFile() {
		assertFailure("oauth.client.jwt-assertion.private-key-location", "which does not exist",
				"Correct the location", "oauth.client.authentication-method=private_key_jwt",
				"oauth.client.jwt-assertion.private-key-location=file:" + dir.resolve("nope.pem"));
	}

	@Test
	void pemWithoutPrivateKey() {
		assertFailure("oauth.client.jwt-assertion.private-key-location", "holds no private key", "BEGIN PRIVATE KEY",
				"oauth.client.authentication-method=private_key_jwt",
				"oauth.client.jwt-assertion.private-key-location=" + publicPem);
	}

	@Test
	void algorithmThatDoesNotFitTheKey() {
		assertFailure("oauth.client.jwt-assertion.algorithm",
				"does not fit an RSA key (2048 bits), which signs with RS256, RS384, RS512, PS256, PS384, PS512",
				"Set oauth.client.jwt-assertion.algorithm to an algorithm the key signs with",
				"oauth.client.authentication-method=private_key_jwt",
				"oauth.client.jwt-assertion.private-key-location=" + rsaPem,
				"oauth.client.jwt-assertion.algorithm=ES256");
	}

	@Test
	void es256WithAP384Key() {
		assertFailure("oauth.client.jwt-assertion.algorithm", "does not fit an EC key on P-384, which signs with ES384",
				"oauth.client.jwt-assertion.algorithm", "oauth.client.authentication-method=private_key_jwt",
				"oauth.client.jwt-assertion.private-key-location=" + ecPem,
				"oauth.client.jwt-assertion.algorithm=ES256");
	}

	@Test
	void publicJwk() {
		assertFailure("oauth.client.jwt-assertion.jwk-location", "has no private parts", "RSA key",
				"oauth.client.authentication-method=private_key_jwt",
				"oauth.client.jwt-assertion.jwk-location=" + publicJwk);
	}

	@Test
	void jwkFileThatIsNoJwk() {
		assertFailure("oauth.client.jwt-assertion.jwk-location", "which is not a JWK", "one private JWK",
				"oauth.client.authentication-method=private_key_jwt",
				"oauth.client.jwt-assertion.jwk-location=" + rsaPem);
	}

	@Test
	void wrongKeyStorePassword() {
		assertFailure("oauth.client.jwt-assertion.key-store.location", "cannot be read as a PKCS12 key store",
				"oauth.client.jwt-assertion.key-store.password", "oauth.client.authentication-method=private_key_jwt",
				"oauth.client.jwt-assertion.key-store.location=" + keyStore,
				"oauth.client.jwt-assertion.key-store.password=wrong");
	}

	@Test
	void unknownAlias() {
		assertFailure("oauth.client.jwt-assertion.key-store.alias", "has no key entry of that name (key entries: "
				+ "[signing])", "alias of the private key entry", "oauth.client.authentication-method=private_key_jwt",
				"oauth.client.jwt-assertion.key-store.location=" + keyStore,
				"oauth.client.jwt-assertion.key-store.password=" + STORE_PASSWORD,
				"oauth.client.jwt-assertion.key-store.alias=other");
	}

	@Test
	void keyStoreWithTheOnlyKeyEntryStarts() {
		this.runner.withPropertyValues("oauth.client.authentication-method=private_key_jwt",
				"oauth.client.jwt-assertion.key-store.location=file:" + keyStore,
				"oauth.client.jwt-assertion.key-store.password=" + STORE_PASSWORD)
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(TokenProvider.class));
	}

	@Test
	void issuerAudienceWithoutIssuerUri() {
		assertFailure("oauth.client.jwt-assertion.audience", "is issuer, but oauth.client.issuer-uri is not set",
				"the issuer identifier itself", "oauth.client.authentication-method=private_key_jwt",
				"oauth.client.jwt-assertion.private-key-location=" + rsaPem,
				"oauth.client.jwt-assertion.audience=issuer");
	}

	@Test
	void secretTooShortForHs256() {
		assertFailure("oauth.client.client-secret", "has 9 bytes (UTF-8); HS256 needs at least 32",
				"longer client secret", "oauth.client.authentication-method=client_secret_jwt",
				"oauth.client.client-secret=short-one");
	}

	@Test
	void clientSecretJwtWithAnRsaAlgorithm() {
		assertFailure("oauth.client.jwt-assertion.algorithm", "does not fit the client secret, which signs with HS256",
				"algorithm the key signs with", "oauth.client.authentication-method=client_secret_jwt",
				"oauth.client.client-secret=a-long-enough-client-secret-for-hs256-and-more",
				"oauth.client.jwt-assertion.algorithm=RS256");
	}

	@Test
	void privateKeyJwtWithASecret() {
		assertFailure("oauth.client.client-secret", "is private_key_jwt (which sends no secret)", "Remove",
				"oauth.client.authentication-method=private_key_jwt", "oauth.client.client-secret=unused-secret",
				"oauth.client.jwt-assertion.private-key-location=" + rsaPem);
	}

	@Test
	void namedRegistrationWithItsOwnClientIdDoesNotInheritTheKey() {
		assertFailure("oauth.client.registrations.billing.jwt-assertion.private-key-location", "is private_key_jwt",
				"private key", "oauth.client.authentication-method=private_key_jwt",
				"oauth.client.jwt-assertion.private-key-location=" + rsaPem,
				"oauth.client.resource-urls=https://orders.example.com",
				"oauth.client.registrations.billing.client-id=billing",
				"oauth.client.registrations.billing.resource-urls=https://billing.example.com");
	}

	private void assertFailure(String property, String problem, String action, String... properties) {
		this.runner.withPropertyValues(properties).run((context) -> {
			assertThat(context).hasFailed();
			Throwable failure = context.getStartupFailure();
			InvalidOAuthClientPropertyException cause = null;
			for (Throwable t = failure; t != null && cause == null; t = t.getCause()) {
				cause = (t instanceof InvalidOAuthClientPropertyException invalid) ? invalid : null;
			}
			assertThat(cause).as("cause of %s", failure).isNotNull();
			assertThat(cause.property()).isEqualTo(property);
			FailureAnalysis analysis = new InvalidOAuthClientPropertyFailureAnalyzer().analyze(failure);
			assertThat(analysis.getDescription()).contains(problem);
			assertThat(analysis.getAction()).contains(action);
			assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain(STORE_PASSWORD)
				.doesNotContain("PRIVATE KEY-----");
		});
	}

}
