package io.github.oauthclient.autoconfigure;

import static io.github.oauthclient.testsupport.AuthorizationServerFixture.BASIC_CLIENT_ID;
import static io.github.oauthclient.testsupport.AuthorizationServerFixture.SCOPE_READ;
import static io.github.oauthclient.testsupport.AuthorizationServerFixture.TRICKY_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import io.github.oauthclient.core.BackendApplicationClient;
import io.github.oauthclient.core.OAuth2Token;
import io.github.oauthclient.testsupport.AuthorizationServerFixture;
import io.github.oauthclient.testsupport.ClientApplication;
import io.github.oauthclient.testsupport.FaultInjectingTokenEndpoint;
import io.github.oauthclient.testsupport.ProtectedApiFixture;
import io.github.oauthclient.testsupport.RecordedRequest;
import io.github.oauthclient.testsupport.Reply;
import io.github.oauthclient.token.TokenEndpointClient;
import io.github.oauthclient.token.TokenEndpointSettings;
import io.github.oauthclient.token.TokenProvider;
import io.github.oauthclient.token.jwt.DpopProofFactory;

/**
 * DPoP (RFC 9449) end to end: Spring Authorization Server binds client-credentials tokens to the client's DPoP key
 * ({@code token_type=DPoP}, {@code cnf.jkt}) and Spring Security's resource server checks each request's proof
 * against the token. Neither server asks for nonces by default, so the nonce dance is shown against the test's
 * scripted endpoint ({@link FaultInjectingTokenEndpoint}), over real HTTP as well.
 */
class DpopEndToEndTests {

	private static AuthorizationServerFixture server;

	private static ProtectedApiFixture api;

	private static FaultInjectingTokenEndpoint scripted;

	@BeforeAll
	static void startServers() {
		server = AuthorizationServerFixture.start();
		api = ProtectedApiFixture.start(server);
		scripted = FaultInjectingTokenEndpoint.start();
	}

	@AfterAll
	static void stopServers() {
		scripted.close();
		api.close();
		server.close();
	}

	@Test
	void dpopBoundTokensAreAcceptedByTheResourceServer() throws Exception {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("oauth.client.token-uri", server.tokenUri());
		properties.put("oauth.client.client-id", BASIC_CLIENT_ID);
		properties.put("oauth.client.client-secret", TRICKY_SECRET);
		properties.put("oauth.client.scope", SCOPE_READ);
		properties.put("oauth.client.resource-urls", api.baseUrl());
		properties.put("oauth.client.dpop.enabled", "true");
		api.clearRequests();
		try (ConfigurableApplicationContext client = ClientApplication.start(properties)) {
			RestClient restClient = client.getBean(RestClient.class);
			for (int i = 0; i < 2; i++) {
				Map<String, Object> echo = restClient.get().uri(api.baseUrl() + "/orders/" + i).retrieve()
						.body(new ParameterizedTypeReference<>() {
						});
				assertThat(echo).containsEntry("subject", BASIC_CLIENT_ID);
			}
			OAuth2Token token = client.getBean(TokenProvider.class).token();
			assertThat(token.tokenType()).isEqualTo("DPoP");
			assertThat(SignedJWT.parse(token.accessToken()).getJWTClaimsSet().getJSONObjectClaim("cnf"))
					.containsKey("jkt");
			assertThat(api.requests()).extracting(ProtectedApiFixture.ApiRequest::authorization)
					.containsOnly("DPoP " + token.accessToken());
		}
	}

	@Test
	void whatTheServersCheck() throws Exception {
		DpopProofFactory proofs = DpopProofFactory.generate(Clock.systemUTC());
		URI tokenUri = URI.create(server.tokenUri());
		// a proof for the wrong method is refused by the authorization server
		assertThat(tokenResponse(proofs.proof("GET", tokenUri, null)).status()).isEqualTo(400);
		String tokenProof = proofs.proof("POST", tokenUri, null);
		TokenResponse issued = tokenResponse(tokenProof);
		assertThat(issued.status()).isEqualTo(200);
		assertThat(tokenResponse(tokenProof).status()).as("replayed token request proof").isEqualTo(400);
		assertThat(issued.body()).contains("\"token_type\":\"DPoP\"");
		String accessToken = issued.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
		assertThat(SignedJWT.parse(accessToken).getJWTClaimsSet().getJSONObjectClaim("cnf"))
				.containsEntry("jkt", proofs.thumbprint());
		URI resource = URI.create(api.baseUrl() + "/orders/9");
		String proof = proofs.proof("GET", resource, accessToken);
		assertThat(resourceStatus("DPoP " + accessToken, proof)).isEqualTo(200);
		// another key, a proof without the token hash, a proof for another URL, and the bound token as Bearer
		String otherKey = DpopProofFactory.generate(Clock.systemUTC()).proof("GET", resource, accessToken);
		assertThat(resourceStatus("DPoP " + accessToken, otherKey)).isEqualTo(401);
		assertThat(resourceStatus("DPoP " + accessToken, proofs.proof("GET", resource, null))).isEqualTo(401);
		assertThat(resourceStatus("DPoP " + accessToken, proofs.proof("GET", URI.create(api.baseUrl() + "/other"),
				accessToken))).isEqualTo(401);
		assertThat(resourceStatus("DPoP " + accessToken, null)).isEqualTo(401);
		assertThat(resourceStatus("DPoP " + accessToken, proof)).as("replayed proof").isEqualTo(REPLAY_STATUS);
	}

	/** Spring Security's DPoP proof decoder keeps a jti cache: a replayed proof is refused. */
	private static final int REPLAY_STATUS = 401;

	@Test
	void theTokenEndpointNonceIsAnsweredOnce() throws Exception {
		scripted.enqueue(Reply.error(400, "use_dpop_nonce", "Authorization server requires nonce in DPoP proof")
				.withHeader("DPoP-Nonce", "nonce-1"));
		DpopProofFactory proofs = DpopProofFactory.generate(Clock.systemUTC());
		TokenEndpointSettings settings = TokenEndpointSettings.builder().tokenUri(scripted.tokenUri())
				.clientId("nonce-client").clientSecret("nonce-secret").dpopProofs(proofs).build();
		int before = scripted.requests().size();
		OAuth2Token token = new TokenEndpointClient(BackendApplicationClient.builder("nonce-client")
				.insecureTransport(true).build(), settings).token();
		assertThat(token.accessToken()).isNotEmpty();
		List<RecordedRequest> requests = scripted.requests().subList(before, scripted.requests().size());
		assertThat(requests).hasSize(2);
		JWTClaimsSet first = SignedJWT.parse(requests.get(0).header("DPoP")).getJWTClaimsSet();
		JWTClaimsSet second = SignedJWT.parse(requests.get(1).header("DPoP")).getJWTClaimsSet();
		assertThat(first.getClaim("nonce")).isNull();
		assertThat(second.getClaim("nonce")).isEqualTo("nonce-1");
		assertThat(second.getJWTID()).isNotEqualTo(first.getJWTID());
		assertThat(second.getClaim("htm")).isEqualTo("POST");
		assertThat(second.getClaim("htu")).isEqualTo(scripted.tokenUri());
	}

	@Test
	void theResourceNonceIsAnsweredOnce() throws Exception {
		List<String> proofs = new CopyOnWriteArrayList<>();
		scripted.setDefault((request, sequence) -> Reply.json(200,
				"{\"access_token\":\"dpop-token-" + sequence + "\",\"token_type\":\"DPoP\",\"expires_in\":3600}"));
		scripted.route("/api/items", (request, sequence) -> {
			proofs.add(request.header("DPoP"));
			return (sequence == 1)
					? Reply.json(401, "{}").withHeader("WWW-Authenticate", "DPoP error=\"use_dpop_nonce\"")
						.withHeader("DPoP-Nonce", "resource-nonce")
					: Reply.json(200, "{\"ok\":true}");
		});
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("oauth.client.token-uri", scripted.tokenUri());
		properties.put("oauth.client.client-id", "nonce-client");
		properties.put("oauth.client.client-secret", "nonce-secret");
		properties.put("oauth.client.resource-urls", scripted.baseUri() + "/api");
		properties.put("oauth.client.dpop.enabled", "true");
		try (ConfigurableApplicationContext client = ClientApplication.start(properties)) {
			Map<String, Object> answer = client.getBean(RestClient.class).get().uri(scripted.baseUri() + "/api/items?x=1")
					.retrieve().body(new ParameterizedTypeReference<>() {
					});
			assertThat(answer).containsEntry("ok", true);
			String accessToken = client.getBean(TokenProvider.class).token().accessToken();
			assertThat(proofs).hasSize(2);
			JWTClaimsSet first = SignedJWT.parse(proofs.get(0)).getJWTClaimsSet();
			JWTClaimsSet second = SignedJWT.parse(proofs.get(1)).getJWTClaimsSet();
			assertThat(first.getClaim("nonce")).isNull();
			assertThat(second.getClaim("nonce")).isEqualTo("resource-nonce");
			assertThat(second.getClaim("htu")).isEqualTo(scripted.baseUri() + "/api/items");
			assertThat(second.getClaim("htm")).isEqualTo("GET");
			assertThat(second.getClaim("ath")).isEqualTo(sha256(accessToken));
		}
		finally {
			scripted.setDefault(io.github.oauthclient.testsupport.Responder.issuingTokens(3600));
		}
	}

	@Test
	void dpopWithQueryPlacementIsAStartUpError() {
		new org.springframework.boot.test.context.runner.ApplicationContextRunner()
			.withConfiguration(org.springframework.boot.autoconfigure.AutoConfigurations.of(
					OAuthClientAutoConfiguration.class))
			.withPropertyValues("oauth.client.token-uri=https://idp.example.com/oauth2/token",
					"oauth.client.client-id=orders", "oauth.client.client-secret=s", "oauth.client.dpop.enabled=true",
					"oauth.client.token-placement=query")
			.run((context) -> assertThat(context).getFailure().rootCause()
				.isInstanceOf(InvalidOAuthClientPropertyException.class)
				.hasMessageContaining("oauth.client.token-placement is query, but DPoP-bound tokens always go in the "
						+ "Authorization header"));
	}

	private record TokenResponse(int status, String body) {
	}

	private static TokenResponse tokenResponse(String proof) {
		String basic = Base64.getEncoder().encodeToString((URLEncoder.encode(BASIC_CLIENT_ID, StandardCharsets.UTF_8)
				+ ":" + URLEncoder.encode(TRICKY_SECRET, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
		return RestClient.create().post().uri(server.tokenUri()).header(HttpHeaders.AUTHORIZATION, "Basic " + basic)
				.header("DPoP", proof).contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.body("grant_type=client_credentials&scope=" + SCOPE_READ)
				.exchange((request, response) -> new TokenResponse(response.getStatusCode().value(),
						new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
	}

	private static int resourceStatus(String authorization, String proof) {
		return RestClient.create().get().uri(api.baseUrl() + "/orders/9").headers((headers) -> {
			headers.set(HttpHeaders.AUTHORIZATION, authorization);
			if (proof != null) {
				headers.set("DPoP", proof);
			}
		}).exchange((request, response) -> response.getStatusCode().value());
	}

	private static String sha256(String value) throws Exception {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(
				MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII)));
	}
}
