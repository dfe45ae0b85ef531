package io.github.oauthclient.token;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JwtExpiryTest {

	@Test
	void readsExpFromAnUnverifiedJwt() {
		Instant exp = Instant.parse("2031-05-06T07:08:09Z");
		assertThat(JwtExpiry.expiresAt(TestTokens.jwt(exp))).contains(exp);
	}

	@Test
	void acceptsAFractionalExp() {
		assertThat(JwtExpiry.expiresAt(TestTokens.jwtWithPayload("{\"exp\":1900000000.75}")))
				.contains(Instant.ofEpochSecond(1900000000L));
	}

	@Test
	void ignoresEverythingElse() {
		assertThat(JwtExpiry.expiresAt(null)).isEmpty();
		assertThat(JwtExpiry.expiresAt("opaque-token")).isEmpty();
		assertThat(JwtExpiry.expiresAt("a.b")).isEmpty();
		assertThat(JwtExpiry.expiresAt("a.!!!.c")).isEmpty();
		assertThat(JwtExpiry.expiresAt(TestTokens.jwtWithPayload("not json"))).isEmpty();
		assertThat(JwtExpiry.expiresAt(TestTokens.jwtWithPayload("[1,2]"))).isEmpty();
		assertThat(JwtExpiry.expiresAt(TestTokens.jwtWithPayload("{\"sub\":\"x\"}"))).isEmpty();
		assertThat(JwtExpiry.expiresAt(TestTokens.jwtWithPayload("{\"exp\":\"1900000000\"}"))).isEmpty();
		assertThat(JwtExpiry.expiresAt(TestTokens.jwtWithPayload("{\"exp\":-1}"))).isEmpty();
		assertThat(JwtExpiry.expiresAt(TestTokens.jwtWithPayload("{\"exp\":1e400}"))).isEmpty();
		// a JWE has five parts and an encrypted payload
		assertThat(JwtExpiry.expiresAt(TestTokens.jwt(Instant.now()) + ".d.e")).isEmpty();
	}
}
