package io.github.oauthclient.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** Behaviour beyond single vectors: MAC signing, refresh/revocation, expiry with a clock, scope changes, secrets. */
class BackendApplicationClientBehaviourTest {

	private final MutableClock clock = new MutableClock(Instant.ofEpochSecond(1_700_000_000L));

	@Test
	void macTokenMatchesOauthlibsUpstreamVector() {
		BackendApplicationClient client = BackendApplicationClient.builder("someclientid")
			.tokenType("MAC")
			.accessToken("token")
			.macKey("secret")
			.macAlgorithm("hmac-sha-1")
			.build();
		AddTokenResult result = client.addToken("https://example.com/path?query=world", "GET", "not=empty", null,
				null, MacOptions.withNonce("0:abc123"));
		assertThat(result.headers()).containsExactly(Map.entry("Authorization",
				"MAC id=\"token\", nonce=\"0:abc123\", bodyhash=\"Yqyso8r3hR5Nm1ZFv+6AvNHrxjE=\", "
						+ "mac=\"0X6aACoBY0G6xgGZVJ1IeE8dF9k=\""));
		assertThat(result.body()).isEqualTo("not=empty");
		assertThat(result.toString()).doesNotContain("0X6aACoBY0G6xgGZVJ1IeE8dF9k=");
	}

	@Test
	void macDraftOneAddsATimestampAndARandomNonce() {
		BackendApplicationClient client = BackendApplicationClient.builder("c")
			.tokenType("MAC")
			.accessToken("token")
			.macKey("secret")
			.macAlgorithm("hmac-sha-256")
			.clock(this.clock)
			.build();
		String header = client.addToken("https://example.com/p", "GET", "ignored", null, null,
				new MacOptions(null, null, null, 1)).headers().get("Authorization");
		assertThat(header).matches("MAC id=\"token\", ts=\"1700000000\", nonce=\"\\d+1700000000\", mac=\"[^\"]+\"");
	}

	@Test
	void refreshAndRevocationBodies() {
		BackendApplicationClient client = BackendApplicationClient.builder("cid").refreshToken("stored").build();
		assertThat(client.prepareRefreshBody("rt", BodyParameters.builder().scope("a b").build()))
			.isEqualTo("grant_type=refresh_token&scope=a+b&refresh_token=rt");
		assertThat(client.prepareRefreshBody(null)).isEqualTo("grant_type=refresh_token&refresh_token=stored");
		assertThat(client.prepareRefreshTokenRequest("https://example.com/revoke", "foobar",
				BodyParameters.builder().scope("extra_scope").build()).body())
			.isEqualTo("grant_type=refresh_token&scope=extra_scope&refresh_token=foobar");
		assertThat(client.prepareTokenRevocationRequest("https://example.com/revoke", "foobar").body())
			.isEqualTo("token=foobar&token_type_hint=access_token");
		assertThat(client.prepareTokenRevocationRequest("https://example.com/revoke", "foobar", "access_token", "",
				"hello.world", null).url())
			.isEqualTo("https://example.com/revoke?token=foobar&token_type_hint=access_token&callback=hello.world");
	}

	@Test
	void expiryIsStrictAndFollowsTheInjectedClock() {
		BackendApplicationClient client = BackendApplicationClient.builder("cid").clock(this.clock).build();
		client.parseRequestBodyResponse("{\"access_token\":\"a\",\"expires_in\":60}");
		assertThat(client.token().expiresAtInstant()).isEqualTo(Instant.ofEpochSecond(1_700_000_060L));
		this.clock.setEpochSeconds(1_700_000_060);
		assertThat(client.addToken("https://api/x").headers()).containsEntry("Authorization", "Bearer a");
		this.clock.setEpochSeconds(1_700_000_060.001);
		assertThatExceptionOfType(TokenExpiredException.class).isThrownBy(() -> client.addToken("https://api/x"))
			.withMessage("(token_expired) ");
	}

	@Test
	void aNewTokenWithoutExpiryInheritsTheOldOneAndKeepsTheRefreshToken() {
		BackendApplicationClient client = BackendApplicationClient.builder("cid").clock(this.clock).build();
		client.parseRequestBodyResponse("{\"access_token\":\"a\",\"expires_in\":5,\"refresh_token\":\"r\"}");
		client.parseRequestBodyResponse("{\"access_token\":\"b\"}");
		assertThat(client.snapshot().accessToken()).isEqualTo("b");
		assertThat(client.snapshot().refreshToken()).isEqualTo("r");
		assertThat(client.expiresAt()).isEqualTo(1_700_000_005L);
	}

	@Test
	void scopeChangeRaisesWithBothSetsUnlessRelaxedAndAlwaysTellsTheListener() {
		List<String> messages = new ArrayList<>();
		BackendApplicationClient strict = BackendApplicationClient.builder("cid")
			.scope(List.of("b", "a"))
			.scopeChangeListener((message, oldScopes, newScopes) -> messages.add(message))
			.build();
		assertThatExceptionOfType(ScopeChangedException.class)
			.isThrownBy(() -> strict.parseRequestBodyResponse("{\"access_token\":\"secret-at\",\"scope\":\"a c\"}"))
			.withMessage("Scope has changed from \"a b\" to \"a c\".")
			.withMessageNotContaining("secret-at")
			.satisfies((ex) -> {
				assertThat(ex.oldScopes()).containsExactly("a", "b");
				assertThat(ex.newScopes()).containsExactly("a", "c");
				assertThat(ex.token().accessToken()).isEqualTo("secret-at");
				assertThat(ex.token().missingScopes()).containsExactly("b");
				assertThat(ex.token().additionalScopes()).containsExactly("c");
			});
		assertThat(strict.accessToken()).as("client unchanged").isNull();
		BackendApplicationClient relaxed = BackendApplicationClient.builder("cid")
			.scope("a b")
			.relaxTokenScope(true)
			.scopeChangeListener((message, oldScopes, newScopes) -> messages.add(message))
			.build();
		OAuth2Token token = relaxed.parseRequestBodyResponse("{\"access_token\":\"x\",\"scope\":\"a\"}");
		assertThat(token.scopeChanged()).isTrue();
		assertThat(token.scopes()).containsExactly("a");
		assertThat(relaxed.accessToken()).isEqualTo("x");
		assertThat(messages).hasSize(2);
	}

	@Test
	void secretsNeverShowInToStringOrMessages() {
		BackendApplicationClient client = BackendApplicationClient.builder("cid")
			.macKey("mac-secret")
			.token(Map.of("access_token", "at-secret", "refresh_token", "rt-secret"))
			.build();
		for (String text : List.of(client.toString(), client.snapshot().toString(), client.token().toString(),
				client.addToken("https://api/x").toString(),
				client.addToken("https://api/x", "GET", null, null, TokenPlacement.QUERY).toString(),
				client.prepareTokenRequest("https://as/t", null, false, Map.of("client_secret", "cs-secret"))
					.toString())) {
			assertThat(text).doesNotContain("at-secret", "rt-secret", "mac-secret", "cs-secret");
		}
		assertThatExceptionOfType(MalformedTokenResponseException.class)
			.isThrownBy(() -> client.parseRequestBodyResponse("{\"access_token\":\"at-2\",\"expires_in\":\"soon\"}"))
			.withMessageNotContaining("at-2");
	}

	@Test
	void tokenTypeAndPresenceAreCheckedBeforeExpiry() {
		BackendApplicationClient unsupported = BackendApplicationClient.builder("cid").tokenType("Bearer ").build();
		assertThatIllegalStateException().isThrownBy(() -> unsupported.addToken("https://api"))
			.withMessage("Unsupported token type: Bearer ");
		BackendApplicationClient missing = BackendApplicationClient.builder("cid")
			.token(Map.of("expires_at", 1L))
			.build();
		assertThatIllegalStateException().isThrownBy(() -> missing.addToken("https://api"))
			.withMessage("Missing access token.");
		assertThatExceptionOfType(InsecureTransportException.class).isThrownBy(() -> missing.addToken("http://api"));
		BackendApplicationClient insecure = BackendApplicationClient.builder("cid")
			.accessToken("t")
			.insecureTransport(true)
			.build();
		assertThat(insecure.addToken("http://api", "GET", "a=1", null, TokenPlacement.BODY).body())
			.isEqualTo("a=1&access_token=t");
	}

	@Test
	void callerMapsAreNeitherAliasedNorMutated() {
		Map<String, Object> token = new LinkedHashMap<>(Map.of("access_token", "t"));
		BackendApplicationClient client = BackendApplicationClient.builder("cid").token(token).build();
		token.put("access_token", "changed");
		assertThat(client.token().accessToken()).isEqualTo("t");
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Authorization", "Basic x");
		headers.put("authorization", "y");
		AddTokenResult result = client.addToken("https://api", "GET", null, headers, null);
		assertThat(headers).containsEntry("Authorization", "Basic x");
		assertThat(result.headers()).containsExactly(Map.entry("Authorization", "Bearer t"),
				Map.entry("authorization", "y"));
		assertThat(BackendApplicationClient.FORM_ENC_HEADERS)
			.isSameAs(client.prepareTokenRequest("https://as").headers());
	}

	@Test
	void invalidRequestKeepsItsErrorCode() {
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> new BackendApplicationClient("c").parseRequestBodyResponse("{\"error\":\"invalid_request\"}"))
			.withMessage("(invalid_request) ")
			.satisfies((ex) -> assertThat(ex.error()).isEqualTo("invalid_request"));
	}

	@Test
	void tokenPlacementNames() {
		assertThat(TokenPlacement.fromValue("auth_header")).isEqualTo(TokenPlacement.AUTH_HEADER);
		assertThat(TokenPlacement.QUERY.value()).isEqualTo("query");
		assertThat(TokenPlacement.fromValue("body")).isEqualTo(TokenPlacement.BODY);
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> TokenPlacement.fromValue("BODY"))
			.withMessage("Invalid token placement.");
	}

	@Test
	void bearerTokensPlaceATokenExactlyLikeAddToken() {
		BackendApplicationClient client = BackendApplicationClient.builder("cid").accessToken("t o+k&").build();
		Map<String, String> headers = Map.of("X-A", "1");
		for (TokenPlacement placement : TokenPlacement.values()) {
			assertThat(BearerTokens.place("t o+k&", placement, "HTTPS://e.com/p?a=%7e#f", "b=%zz", headers))
				.isEqualTo(client.addToken("HTTPS://e.com/p?a=%7e#f", "GET", "b=%zz", headers, placement));
		}
		assertThat(BearerTokens.prepareBearerUri("t o+k&", "https://e.com")).isEqualTo(
				"https://e.com?access_token=t+o%2Bk%26");
	}

	@Test
	void pkceHelpers() {
		BackendApplicationClient client = new BackendApplicationClient("c");
		assertThat(client.createCodeChallenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk", "S256"))
			.isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
		assertThat(client.createCodeVerifier(43)).hasSize(58);
		assertThat(client.snapshot().codeVerifier()).hasSize(58);
	}

}
