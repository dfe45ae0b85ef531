package io.github.oauthclient.sample.inventory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The inventory API's memory of the tokens it has accepted: it numbers them in order of first use (token #1, #2,
 * ...) so the demo can show which token a call carried without printing any of it, and it can revoke every token
 * seen so far, after which such a token gets a 401, as it would after a revocation or a key rotation at the
 * authorization server. Tokens are remembered by a SHA-256 fingerprint, never verbatim.
 *
 * <p>As an {@link OAuth2TokenValidator} it is added by Spring Boot to the JWT decoder's validators.
 */
public class TokenLedger implements OAuth2TokenValidator<Jwt> {

	private static final OAuth2Error REVOKED = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
			"This token has been revoked; request a new one", null);

	private final Map<String, Integer> numbers = new ConcurrentHashMap<>();

	private final Set<String> revoked = ConcurrentHashMap.newKeySet();

	private final AtomicInteger lastNumber = new AtomicInteger();

	@Override
	public OAuth2TokenValidatorResult validate(Jwt token) {
		return this.revoked.contains(fingerprint(token)) ? OAuth2TokenValidatorResult.failure(REVOKED)
				: OAuth2TokenValidatorResult.success();
	}

	/** The number of this token in order of first use, assigning the next one if it is new. */
	public int numberOf(Jwt token) {
		return this.numbers.computeIfAbsent(fingerprint(token), (fingerprint) -> this.lastNumber.incrementAndGet());
	}

	/** Revokes every token seen so far and returns how many that were. */
	public int revokeAllSeen() {
		this.revoked.addAll(this.numbers.keySet());
		return this.numbers.size();
	}

	/** How many distinct tokens callers have used so far. */
	public int tokensSeen() {
		return this.lastNumber.get();
	}

	private static String fingerprint(Jwt token) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(token.getTokenValue().getBytes(StandardCharsets.US_ASCII));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

}
