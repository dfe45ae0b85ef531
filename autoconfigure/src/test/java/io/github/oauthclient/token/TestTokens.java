package io.github.oauthclient.token;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.oauthclient.core.OAuth2Token;

/** Tokens for unit tests, built through the core's public factory. */
final class TestTokens {

	private TestTokens() {
	}

	/** A Bearer token with the given access token and {@code expires_in}. */
	static OAuth2Token token(String accessToken, long expiresIn) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("access_token", accessToken);
		fields.put("token_type", "Bearer");
		fields.put("expires_in", expiresIn);
		return OAuth2Token.of(fields);
	}

	/** A Bearer token without {@code expires_in}. */
	static OAuth2Token tokenWithoutExpiry(String accessToken) {
		return OAuth2Token.of(Map.of("access_token", accessToken, "token_type", "Bearer"));
	}

	/** An unsigned JWT (header {@code alg: none}) with the given {@code exp}. */
	static String jwt(Instant exp) {
		return jwtWithPayload("{\"sub\":\"orders\",\"exp\":" + exp.getEpochSecond() + "}");
	}

	/** An unsigned JWT with the given JSON payload. */
	static String jwtWithPayload(String payload) {
		Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
		return encoder.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
				+ encoder.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".c2ln";
	}
}
