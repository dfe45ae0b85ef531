package io.github.oauthclient.autoconfigure;

import static io.github.oauthclient.testsupport.AuthorizationServerFixture.SCOPE_READ;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import io.github.oauthclient.testsupport.AuthorizationServerFixture;
import io.github.oauthclient.testsupport.ClientApplication;
import io.github.oauthclient.testsupport.JwkSetServer;
import io.github.oauthclient.testsupport.ProtectedApiFixture;
import io.github.oauthclient.testsupport.TestKeys;
import io.github.oauthclient.token.TokenAcquisitionException;
import io.github.oauthclient.token.jwt.ClientAssertionSigningKey;
import io.github.oauthclient.token.jwt.JwtClientAssertionFactory;

/**
 * {@code private_key_jwt} and {@code client_secret_jwt} end to end: a real Spring Authorization Server that knows
 * each client's public key from a JWK set URL (served by {@link JwkSetServer}) or its secret, a Spring Security
 * resource server, and a client application configured by properties alone. Keys are generated per run.
 *
 * <p>What Spring Authorization Server 7.0 checks in an assertion (its default validator): the signature with the
 * client's registered algorithm, {@code iss} = {@code sub} = client id, {@code aud} containing its issuer or token
 * endpoint, {@code exp} present and not passed, {@code nbf}/{@code iat} timestamps. It does not remember {@code jti}:
 * a replayed assertion is accepted until it expires ({@link #springAuthorizationServerAcceptsAReplayedAssertion}),
 * which is why the starter signs a new assertion, with a new jti, for every token request.
 */
class JwtClientAssertionEndToEndTests {

	private static final String RSA_CLIENT = "jwt-rsa-client";

	private static final String PS_CLIENT = "jwt-ps-client";

	private static final String EC_CLIENT = "jwt-ec-client";

	private static final String SECRET_JWT_CLIENT = "jwt-secret-client";

	/** 40 bytes: HS256 needs at least 32. */
	private static final String JWT_SECRET = "s3cret-for-hmac-assertions-0123456789+/=";

	private static final String STORE_PASSWORD = "store-pass-1";

	@TempDir
	static Path keys;

	private static KeyPair rsa;

	private static KeyPair ec;

	private static Path keyStore;

	private static JwkSetServer jwks;

	private static AuthorizationServerFixture server;

	private static ProtectedApiFixture api;

	@BeforeAll
	static void startServers() throws Exception {
		rsa = TestKeys.rsa();
		ec = TestKeys.ec("secp256r1");
		keyStore = TestKeys.generateKeyStore(keys.resolve("client.p12"), "PKCS12", "signing", STORE_PASSWORD, "RSA",
				"CN=" + PS_CLIENT);
		KeyStore store = TestKeys.load(keyStore, "PKCS12", STORE_PASSWORD);
		RSAPublicKey storePublicKey = (RSAPublicKey) store.getCertificate("signing").getPublicKey();
		jwks = JwkSetServer.start();
		String rsaSet = jwks.publish(RSA_CLIENT, new RSAKey.Builder((RSAPublicKey) rsa.getPublic()).keyID("rsa-1")
				.build(), new RSAKey.Builder((RSAPublicKey) TestKeys.rsa().getPublic()).keyID("rsa-old").build());
		String psSet = jwks.publish(PS_CLIENT, new RSAKey.Builder(storePublicKey).build());
		String ecSet = jwks.publish(EC_CLIENT, new ECKey.Builder(Curve.P_256, (ECPublicKey) ec.getPublic())
				.keyID("ec-1").build());
		server = AuthorizationServerFixture.builder()
				.client(privateKeyJwtClient(RSA_CLIENT, rsaSet, SignatureAlgorithm.RS256))
				.client(privateKeyJwtClient(PS_CLIENT, psSet, SignatureAlgorithm.PS256))
				.client(privateKeyJwtClient(EC_CLIENT, ecSet, SignatureAlgorithm.ES256))
				.client(clientSecretJwtClient())
				.start();
		api = ProtectedApiFixture.start(server);
	}

	@AfterAll
	static void stopServers() {
		api.close();
		server.close();
		jwks.close();
	}

	private static RegisteredClient privateKeyJwtClient(String clientId, String jwkSetUrl,
			SignatureAlgorithm algorithm) {
		RegisteredClient base = AuthorizationServerFixture.registeredClient(clientId, null,
				org.springframework.security.oauth2.core.ClientAuthenticationMethod.PRIVATE_KEY_JWT,
				Duration.ofMinutes(5), OAuth2TokenFormat.SELF_CONTAINED);
		return RegisteredClient.from(base)
				.clientSettings(ClientSettings.builder().jwkSetUrl(jwkSetUrl)
						.tokenEndpointAuthenticationSigningAlgorithm(algorithm).build())
				.build();
	}

	private static RegisteredClient clientSecretJwtClient() {
		RegisteredClient base = AuthorizationServerFixture.registeredClient(SECRET_JWT_CLIENT, null,
				org.springframework.security.oauth2.core.ClientAuthenticationMethod.CLIENT_SECRET_JWT,
				Duration.ofMinutes(5), OAuth2TokenFormat.SELF_CONTAINED);
		// Spring Authorization Server keys HS256 with the stored secret itself, so it is stored raw, not encoded
		return RegisteredClient.from(base).clientSecret(JWT_SECRET)
				.clientSettings(ClientSettings.builder()
						.tokenEndpointAuthenticationSigningAlgorithm(MacAlgorithm.HS256).build())
				.build();
	}

	@Test
	void privateKeyJwtWithAPkcs8PemFileAndRs256() {
		Path pem = TestKeys.writePkcs8Pem(rsa.getPrivate(), keys.resolve("rsa-key.pem"));
		assertCallSucceeds(RSA_CLIENT, Map.of("oauth.client.authentication-method", "private_key_jwt",
				"oauth.client.jwt-assertion.private-key-location", "file:" + pem,
				"oauth.client.jwt-assertion.key-id", "rsa-1"));
	}

	@Test
	void privateKeyJwtWithAPathWithoutPrefixAndWithoutKeyId() {
		// without kid, Spring Authorization Server (Nimbus) tries every RSA key of the client's set
		Path pem = TestKeys.writePkcs8Pem(rsa.getPrivate(), keys.resolve("rsa-key-no-kid.pem"));
		assertCallSucceeds(RSA_CLIENT, Map.of("oauth.client.authentication-method", "private_key_jwt",
				"oauth.client.jwt-assertion.private-key-location", pem.toString()));
	}

	@Test
	void aKeyTheServerDoesNotKnowFailsWithAHintNamingTheJwtAssertionKeys() {
		Path pem = TestKeys.writePkcs8Pem(TestKeys.rsa().getPrivate(), keys.resolve("unknown-key.pem"));
		try (ConfigurableApplicationContext client = startClient(RSA_CLIENT, Map.of(
				"oauth.client.authentication-method", "private_key_jwt",
				"oauth.client.jwt-assertion.private-key-location", "file:" + pem,
				"oauth.client.retry.max-attempts", "1"))) {
			RestClient restClient = client.getBean(RestClient.class);
			assertThatThrownBy(() -> restClient.get().uri(api.baseUrl() + "/orders/1").retrieve().body(Map.class))
					.satisfies((ex) -> assertThat(causeOfType(ex, TokenAcquisitionException.class))
							.hasMessageContaining("HTTP 401, error 'invalid_client'")
							.hasMessageContaining("oauth.client.jwt-assertion.* (key, algorithm, key-id, audience)"));
		}
	}

	@Test
	void privateKeyJwtWithAKeyStoreAndPs256() {
		assertCallSucceeds(PS_CLIENT, Map.of("oauth.client.authentication-method", "private_key_jwt",
				"oauth.client.jwt-assertion.key-store.location", "file:" + keyStore,
				"oauth.client.jwt-assertion.key-store.password", STORE_PASSWORD,
				"oauth.client.jwt-assertion.key-store.alias", "signing",
				"oauth.client.jwt-assertion.algorithm", "PS256"));
	}

	@Test
	void privateKeyJwtWithAJwkFileAndEs256AndTheIssuerAsAudience() throws Exception {
		String jwk = new ECKey.Builder(Curve.P_256, (ECPublicKey) ec.getPublic()).privateKey(ec.getPrivate())
				.keyID("ec-1").build().toJSONString();
		Path file = java.nio.file.Files.writeString(keys.resolve("ec.jwk.json"), jwk);
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("oauth.client.authentication-method", "private_key_jwt");
		properties.put("oauth.client.jwt-assertion.jwk-location", "file:" + file);
		properties.put("oauth.client.jwt-assertion.audience", "issuer");
		properties.put("oauth.client.issuer-uri", server.issuer());
		assertCallSucceeds(EC_CLIENT, properties);
	}

	@Test
	void clientSecretJwtWithHs256() {
		assertCallSucceeds(SECRET_JWT_CLIENT, Map.of("oauth.client.authentication-method", "client_secret_jwt",
				"oauth.client.client-secret", JWT_SECRET));
	}

	@Test
	void everyTokenRequestCarriesANewAssertion() throws Exception {
		JwtClientAssertionFactory factory = factory(RSA_CLIENT, rsa.getPrivate(), "rsa-1", Clock.systemUTC());
		SignedJWT first = SignedJWT.parse(factory.create(server.tokenUri()));
		SignedJWT second = SignedJWT.parse(factory.create(server.tokenUri()));
		assertThat(first.getJWTClaimsSet().getJWTID()).isNotEqualTo(second.getJWTClaimsSet().getJWTID());
		assertThat(first.getJWTClaimsSet().getIssuer()).isEqualTo(RSA_CLIENT);
		assertThat(first.getJWTClaimsSet().getSubject()).isEqualTo(RSA_CLIENT);
		assertThat(first.getJWTClaimsSet().getAudience()).containsExactly(server.tokenUri());
		assertThat(Duration.between(first.getJWTClaimsSet().getIssueTime().toInstant(),
				first.getJWTClaimsSet().getExpirationTime().toInstant())).isEqualTo(Duration.ofSeconds(60));
		assertThat(first.getHeader().getKeyID()).isEqualTo("rsa-1");
		assertThat(tokenRequestStatus(RSA_CLIENT, first.serialize())).isEqualTo(200);
		assertThat(tokenRequestStatus(RSA_CLIENT, second.serialize())).isEqualTo(200);
	}

	@Test
	void aTamperedAssertionIsRejected() throws Exception {
		String assertion = factory(RSA_CLIENT, rsa.getPrivate(), "rsa-1", Clock.systemUTC()).create(server.tokenUri());
		String[] parts = assertion.split("\\.");
		String payload = new String(Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8);
		String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
				payload.replace("\"exp\":", "\"scope\":\"admin\",\"exp\":").getBytes(
						java.nio.charset.StandardCharsets.UTF_8)) + "." + parts[2];
		assertThat(tokenRequestStatus(RSA_CLIENT, assertion)).isEqualTo(200);
		assertThat(tokenRequestStatus(RSA_CLIENT, forged)).isEqualTo(401);
	}

	@Test
	void anAssertionSignedWithAnotherKeyIsRejected() {
		String assertion = factory(RSA_CLIENT, TestKeys.rsa().getPrivate(), "rsa-1", Clock.systemUTC())
				.create(server.tokenUri());
		assertThat(tokenRequestStatus(RSA_CLIENT, assertion)).isEqualTo(401);
	}

	@Test
	void anExpiredAssertionIsRejected() {
		Clock tenMinutesAgo = Clock.fixed(Instant.now().minus(Duration.ofMinutes(10)), ZoneOffset.UTC);
		String assertion = factory(RSA_CLIENT, rsa.getPrivate(), "rsa-1", tenMinutesAgo).create(server.tokenUri());
		assertThat(tokenRequestStatus(RSA_CLIENT, assertion)).isEqualTo(401);
	}

	@Test
	void anAssertionForAnotherAudienceIsRejected() {
		String assertion = new JwtClientAssertionFactory(RSA_CLIENT,
				ClientAssertionSigningKey.of(rsa.getPrivate(), null, "rsa-1"), "https://other.example.com/token",
				Duration.ofSeconds(60), Clock.systemUTC()).create(server.tokenUri());
		assertThat(tokenRequestStatus(RSA_CLIENT, assertion)).isEqualTo(401);
	}

	@Test
	void springAuthorizationServerAcceptsAReplayedAssertion() {
		// documented behaviour of the server, not of the starter: SAS 7.0 keeps no jti cache (see the class Javadoc)
		String assertion = factory(RSA_CLIENT, rsa.getPrivate(), "rsa-1", Clock.systemUTC()).create(server.tokenUri());
		assertThat(tokenRequestStatus(RSA_CLIENT, assertion)).isEqualTo(200);
		assertThat(tokenRequestStatus(RSA_CLIENT, assertion)).isEqualTo(200);
	}

	@Test
	void ecKeyAssertionsVerifyAgainstThePublishedKey() throws Exception {
		String assertion = factory(EC_CLIENT, ec.getPrivate(), "ec-1", Clock.systemUTC()).create(server.tokenUri());
		SignedJWT jwt = SignedJWT.parse(assertion);
		assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("ES256");
		assertThat(jwt.verify(new com.nimbusds.jose.crypto.ECDSAVerifier((ECPublicKey) ec.getPublic()))).isTrue();
		assertThat(tokenRequestStatus(EC_CLIENT, assertion)).isEqualTo(200);
		assertThat(ec.getPrivate()).isInstanceOf(ECPrivateKey.class);
		assertThat(rsa.getPrivate()).isInstanceOf(RSAPrivateKey.class);
	}

	private static <T extends Throwable> T causeOfType(Throwable thrown, Class<T> type) {
		for (Throwable t = thrown; t != null; t = t.getCause()) {
			if (type.isInstance(t)) {
				return type.cast(t);
			}
		}
		throw new AssertionError("no " + type.getSimpleName() + " in the causes of " + thrown);
	}

	private static JwtClientAssertionFactory factory(String clientId, PrivateKey key, String keyId, Clock clock) {
		return new JwtClientAssertionFactory(clientId, ClientAssertionSigningKey.of(key, null, keyId), null,
				JwtClientAssertionFactory.DEFAULT_LIFETIME, clock);
	}

	/** Posts a client_credentials request with {@code assertion} and returns the HTTP status. */
	private static int tokenRequestStatus(String clientId, String assertion) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("grant_type", "client_credentials");
		form.add("client_id", clientId);
		form.add("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
		form.add("client_assertion", assertion);
		return RestClient.create().post().uri(server.tokenUri()).contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.body(form).exchange((request, response) -> response.getStatusCode().value());
	}

	private void assertCallSucceeds(String clientId, Map<String, ?> properties) {
		try (ConfigurableApplicationContext client = startClient(clientId, properties)) {
			RestClient restClient = client.getBean(RestClient.class);
			Map<String, Object> echo = restClient.get().uri(api.baseUrl() + "/orders/" + UUID.randomUUID())
					.retrieve().body(new org.springframework.core.ParameterizedTypeReference<>() {
					});
			assertThat(echo).containsEntry("subject", clientId);
		}
	}

	private static ConfigurableApplicationContext startClient(String clientId, Map<String, ?> properties) {
		Map<String, Object> all = new LinkedHashMap<>();
		if (!properties.containsKey("oauth.client.issuer-uri")) {
			all.put("oauth.client.token-uri", server.tokenUri());
		}
		all.put("oauth.client.client-id", clientId);
		all.put("oauth.client.scope", SCOPE_READ);
		all.put("oauth.client.resource-urls", api.baseUrl());
		all.putAll(properties);
		return ClientApplication.start(all);
	}
}
