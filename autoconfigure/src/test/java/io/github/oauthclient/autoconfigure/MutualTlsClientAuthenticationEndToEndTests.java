package io.github.oauthclient.autoconfigure;

import static io.github.oauthclient.testsupport.AuthorizationServerFixture.SCOPE_READ;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

import io.github.oauthclient.testsupport.AuthorizationServerFixture;
import io.github.oauthclient.testsupport.ClientApplication;
import io.github.oauthclient.testsupport.JwkSetServer;
import io.github.oauthclient.testsupport.ProtectedApiFixture;
import io.github.oauthclient.testsupport.TestPki;
import io.github.oauthclient.token.TokenAcquisitionException;
import io.github.oauthclient.token.TokenProvider;

/**
 * {@code tls_client_auth} and {@code self_signed_tls_client_auth} (RFC 8705) end to end over real mutual TLS: a
 * throwaway CA made with {@code keytool}, Spring Authorization Server on https asking for client certificates and
 * issuing certificate-bound access tokens ({@code cnf.x5t#S256}), and a Spring Security resource server on https that
 * checks the binding against the client certificate of each request. The client application sets only properties:
 * the SSL bundle for token requests ({@code oauth.client.ssl-bundle}) and the same bundle for its own HTTP clients
 * ({@code spring.http.clients.ssl.bundle}).
 */
class MutualTlsClientAuthenticationEndToEndTests {

	private static final String PKI_CLIENT = "mtls-client";

	private static final String SELF_SIGNED_CLIENT = "self-client";

	@TempDir
	static Path dir;

	private static TestPki pki;

	private static JwkSetServer jwks;

	private static AuthorizationServerFixture server;

	private static ProtectedApiFixture api;

	@BeforeAll
	static void startServers() throws Exception {
		pki = TestPki.create(dir);
		pki.issue("server", "CN=127.0.0.1", "san=ip:127.0.0.1", "eku=serverAuth");
		pki.issue(PKI_CLIENT, "CN=" + PKI_CLIENT, "eku=clientAuth");
		pki.selfSigned(SELF_SIGNED_CLIENT, "CN=self-signed-client");
		pki.trustStore("server-trust", SELF_SIGNED_CLIENT);
		pki.trustStore("client-trust");
		jwks = JwkSetServer.start();
		X509Certificate selfSigned = pki.certificate(SELF_SIGNED_CLIENT);
		java.security.interfaces.ECPublicKey selfSignedKey = (java.security.interfaces.ECPublicKey) selfSigned
				.getPublicKey();
		JWK selfSignedJwk = new com.nimbusds.jose.jwk.ECKey.Builder(
				com.nimbusds.jose.jwk.Curve.forECParameterSpec(selfSignedKey.getParams()), selfSignedKey)
				.x509CertChain(List.of(com.nimbusds.jose.util.Base64.encode(selfSigned.getEncoded()))).build();
		String selfSignedSet = jwks.publish(SELF_SIGNED_CLIENT, selfSignedJwk);
		AuthorizationServerFixture.Builder builder = AuthorizationServerFixture.builder()
				.client(mtlsClient(PKI_CLIENT, ClientAuthenticationMethod.TLS_CLIENT_AUTH,
						ClientSettings.builder().x509CertificateSubjectDN("CN=" + PKI_CLIENT)))
				.client(mtlsClient(SELF_SIGNED_CLIENT, ClientAuthenticationMethod.SELF_SIGNED_TLS_CLIENT_AUTH,
						ClientSettings.builder().jwkSetUrl(selfSignedSet)));
		for (String property : httpsServerProperties("server")) {
			String[] pair = property.split("=", 2);
			builder.property(pair[0], pair[1]);
		}
		server = builder.start();
		api = ProtectedApiFixture.start(server, new RestTemplate(requestFactory(null)),
				httpsServerProperties("api").toArray(String[]::new));
	}

	@AfterAll
	static void stopServers() {
		api.close();
		server.close();
		jwks.close();
	}

	private static RegisteredClient mtlsClient(String clientId, ClientAuthenticationMethod method,
			ClientSettings.Builder settings) {
		RegisteredClient base = AuthorizationServerFixture.registeredClient(clientId, null, method,
				Duration.ofMinutes(5), OAuth2TokenFormat.SELF_CONTAINED);
		return RegisteredClient.from(base).clientSettings(settings.build())
				.tokenSettings(TokenSettings.withSettings(base.getTokenSettings().getSettings())
						.x509CertificateBoundAccessTokens(true).build())
				.build();
	}

	/** https on the server certificate, asking for (not requiring) client certificates. */
	private static List<String> httpsServerProperties(String bundle) {
		List<String> properties = new ArrayList<>(List.of(pki.bundleProperties(bundle, "server", "server-trust")));
		properties.add("server.ssl.bundle=" + bundle);
		properties.add("server.ssl.client-auth=want");
		return properties;
	}

	@Test
	void tlsClientAuthGetsACertificateBoundTokenThatTheApiAccepts() throws Exception {
		assertCertificateBoundCallSucceeds(PKI_CLIENT, "tls_client_auth", Map.of("oauth.client.token-uri",
				server.tokenUri()));
	}

	@Test
	void selfSignedTlsClientAuthGetsACertificateBoundTokenThatTheApiAccepts() throws Exception {
		assertCertificateBoundCallSucceeds(SELF_SIGNED_CLIENT, "self_signed_tls_client_auth",
				Map.of("oauth.client.token-uri", server.tokenUri()));
	}

	@Test
	void theMtlsAliasOfTheDiscoveredMetadataIsUsed() throws Exception {
		// metadata whose plain token_endpoint goes nowhere: only its mtls_endpoint_aliases entry leads to the server
		String issuer = jwks.baseUrl() + "/mtls-issuer";
		jwks.serve("/.well-known/oauth-authorization-server/mtls-issuer", "{\"issuer\":\"" + issuer
				+ "\",\"token_endpoint\":\"http://127.0.0.1:9/unreachable\",\"mtls_endpoint_aliases\":"
				+ "{\"token_endpoint\":\"" + server.tokenUri() + "\"}}");
		assertCertificateBoundCallSucceeds(PKI_CLIENT, "tls_client_auth", Map.of("oauth.client.issuer-uri", issuer,
				"oauth.client.retry.max-attempts", "1"));
	}

	@Test
	void aServerThatDoesNotAdvertiseTheMethodIsReported() {
		String issuer = jwks.baseUrl() + "/secrets-only";
		jwks.serve("/.well-known/oauth-authorization-server/secrets-only", "{\"issuer\":\"" + issuer
				+ "\",\"token_endpoint\":\"" + server.tokenUri() + "\",\"token_endpoint_auth_methods_supported\":"
				+ "[\"client_secret_basic\",\"client_secret_post\"]}");
		try (ConfigurableApplicationContext client = startClient(clientProperties(PKI_CLIENT, "tls_client_auth",
				Map.of("oauth.client.issuer-uri", issuer, "oauth.client.retry.max-attempts", "1")))) {
			assertThatThrownBy(() -> client.getBean(TokenProvider.class).token())
				.isInstanceOf(TokenAcquisitionException.class)
				.hasMessageContaining("the server does not support tls_client_auth")
				.hasMessageContaining("[client_secret_basic, client_secret_post]")
				.hasMessageContaining("Set oauth.client.authentication-method to one of");
		}
	}

	@Test
	void withoutAClientCertificateTheServerRejectsTheClient() {
		// the certificate is the credential: the same token request without it is an invalid_client
		assertThat(tokenRequestStatus(PKI_CLIENT, null)).isEqualTo(401);
		assertThat(tokenRequestStatus(PKI_CLIENT, PKI_CLIENT)).isEqualTo(200);
	}

	@Test
	void aSelfSignedCertificateOtherThanTheRegisteredOneIsRejected() {
		// the PKI client's certificate is trusted by TLS but is not in the self-signed client's JWK set
		assertThat(tokenRequestStatus(SELF_SIGNED_CLIENT, PKI_CLIENT)).isEqualTo(401);
	}

	@Test
	void aCertificateBoundTokenWithoutItsCertificateIsRejectedByTheApi() throws Exception {
		try (ConfigurableApplicationContext client = startClient(clientProperties(PKI_CLIENT, "tls_client_auth",
				Map.of("oauth.client.token-uri", server.tokenUri())))) {
			String token = client.getBean(TokenProvider.class).token().accessToken();
			RestClient withoutCertificate = RestClient.builder().requestFactory(requestFactory(null)).build();
			int status = withoutCertificate.get().uri(api.baseUrl() + "/orders/1")
					.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
					.exchange((request, response) -> response.getStatusCode().value());
			assertThat(status).isEqualTo(401);
			RestClient withCertificate = RestClient.builder().requestFactory(requestFactory(PKI_CLIENT)).build();
			int bound = withCertificate.get().uri(api.baseUrl() + "/orders/1")
					.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
					.exchange((request, response) -> response.getStatusCode().value());
			assertThat(bound).isEqualTo(200);
		}
	}

	@Test
	void startUpFailsWithoutAnSslBundle() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, OAuthClientAutoConfiguration.class))
			.withPropertyValues("oauth.client.token-uri=https://idp.example.com/oauth2/token",
					"oauth.client.client-id=orders", "oauth.client.authentication-method=tls_client_auth")
			.run((context) -> assertThat(context).getFailure().rootCause()
				.isInstanceOf(InvalidOAuthClientPropertyException.class)
				.hasMessageContaining("oauth.client.ssl-bundle is not set, but oauth.client.authentication-method is "
						+ "tls_client_auth, which authenticates with a TLS client certificate"));
	}

	@Test
	void startUpFailsWithABundleWithoutAClientCertificate() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, OAuthClientAutoConfiguration.class))
			.withPropertyValues(pki.bundleProperties("trust-only", null, "client-trust"))
			.withPropertyValues("oauth.client.token-uri=https://idp.example.com/oauth2/token",
					"oauth.client.client-id=orders", "oauth.client.authentication-method=self_signed_tls_client_auth",
					"oauth.client.ssl-bundle=trust-only")
			.run((context) -> assertThat(context).getFailure().rootCause()
				.isInstanceOf(InvalidOAuthClientPropertyException.class)
				.hasMessageContaining("oauth.client.ssl-bundle names an SSL bundle without a client certificate "
						+ "(its key store is missing)"));
	}

	private void assertCertificateBoundCallSucceeds(String clientId, String method, Map<String, String> endpoint)
			throws Exception {
		try (ConfigurableApplicationContext client = startClient(clientProperties(clientId, method, endpoint))) {
			Map<String, Object> echo = client.getBean(RestClient.class).get().uri(api.baseUrl() + "/orders/7")
					.retrieve().body(new ParameterizedTypeReference<>() {
					});
			assertThat(echo).containsEntry("subject", clientId);
			String token = client.getBean(TokenProvider.class).token().accessToken();
			Map<String, Object> confirmation = SignedJWT.parse(token).getJWTClaimsSet().getJSONObjectClaim("cnf");
			assertThat(confirmation).containsEntry("x5t#S256", thumbprint(pki.certificate(clientId)));
		}
	}

	private static Map<String, Object> clientProperties(String clientId, String method, Map<String, String> more) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("oauth.client.client-id", clientId);
		properties.put("oauth.client.authentication-method", method);
		properties.put("oauth.client.scope", SCOPE_READ);
		properties.put("oauth.client.ssl-bundle", "client");
		properties.put("oauth.client.resource-urls", api.baseUrl());
		properties.putAll(more);
		// the same bundle for the application's own HTTP clients: certificate-bound tokens need the certificate
		properties.put("spring.http.clients.ssl.bundle", "client");
		for (String property : pki.bundleProperties("client", clientId, "client-trust")) {
			String[] pair = property.split("=", 2);
			properties.put(pair[0], pair[1]);
		}
		return properties;
	}

	private static ConfigurableApplicationContext startClient(Map<String, Object> properties) {
		return ClientApplication.start(properties);
	}

	/** The status of a raw client_credentials request of {@code clientId} presenting the certificate of keyName. */
	private static int tokenRequestStatus(String clientId, String keyName) {
		return RestClient.builder().requestFactory(requestFactory(keyName)).build().post().uri(server.tokenUri())
				.contentType(org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED)
				.body("grant_type=client_credentials&client_id=" + clientId)
				.exchange((request, response) -> response.getStatusCode().value());
	}

	/** A JDK client trusting the test CA, presenting the certificate of {@code keyName} when not {@code null}. */
	private static JdkClientHttpRequestFactory requestFactory(String keyName) {
		try {
			KeyStore trust = KeyStore.getInstance("PKCS12");
			try (InputStream in = Files.newInputStream(dir.resolve("client-trust.p12"))) {
				trust.load(in, TestPki.PASSWORD.toCharArray());
			}
			TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(
					TrustManagerFactory.getDefaultAlgorithm());
			trustManagers.init(trust);
			javax.net.ssl.KeyManager[] keyManagers = null;
			if (keyName != null) {
				KeyStore keys = KeyStore.getInstance("PKCS12");
				try (InputStream in = Files.newInputStream(dir.resolve(keyName + ".p12"))) {
					keys.load(in, TestPki.PASSWORD.toCharArray());
				}
				javax.net.ssl.KeyManagerFactory factory = javax.net.ssl.KeyManagerFactory.getInstance(
						javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
				factory.init(keys, TestPki.PASSWORD.toCharArray());
				keyManagers = factory.getKeyManagers();
			}
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(keyManagers, trustManagers.getTrustManagers(), null);
			return new JdkClientHttpRequestFactory(HttpClient.newBuilder().sslContext(context).build());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String thumbprint(X509Certificate certificate) throws Exception {
		byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
		return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
	}
}
