package io.github.oauthclient.token;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the {@code exp} claim of an access token that happens to be a JWT, without verifying anything.
 *
 * <p>Exists for responses without {@code expires_in}: the token's own expiry is a better guess for when to renew
 * than a configured default. It is used for timing only, never for trust: the signature is not checked, and a token
 * that is not a JWT, or has no numeric {@code exp}, simply has no expiry here.
 */
public final class JwtExpiry {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private JwtExpiry() {
	}

	/** The {@code exp} claim of {@code accessToken}, if it is a JWT (JWS compact form) with a numeric one. */
	public static Optional<Instant> expiresAt(String accessToken) {
		if (accessToken == null) {
			return Optional.empty();
		}
		int firstDot = accessToken.indexOf('.');
		int secondDot = accessToken.indexOf('.', firstDot + 1);
		if (firstDot <= 0 || secondDot < 0 || accessToken.indexOf('.', secondDot + 1) >= 0) {
			return Optional.empty();
		}
		try {
			byte[] payload = Base64.getUrlDecoder().decode(accessToken.substring(firstDot + 1, secondDot));
			JsonNode exp = JSON.readTree(new String(payload, StandardCharsets.UTF_8)).get("exp");
			if (exp == null || !exp.isNumber()) {
				return Optional.empty();
			}
			BigDecimal seconds = exp.decimalValue();
			if (seconds.signum() < 0 || seconds.compareTo(BigDecimal.valueOf(Instant.MAX.getEpochSecond())) > 0) {
				return Optional.empty();
			}
			return Optional.of(Instant.ofEpochSecond(seconds.longValue()));
		}
		catch (IllegalArgumentException | JacksonException ex) {
			return Optional.empty();
		}
	}
}
