package io.github.oauthclient.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * oauthlib's PKCE helpers (RFC 7636), kept for API completeness although the client-credentials grant never uses
 * them: {@code create_code_verifier} and the {@code S256} transform of {@code create_code_challenge}.
 */
final class Pkce {

	private static final SecureRandom RANDOM = new SecureRandom();

	private Pkce() {
	}

	/**
	 * {@code secrets.token_urlsafe(length)}: {@code length} random bytes, base64url without padding (so about 1.33
	 * times {@code length} characters, oauthlib 3.2.2's behaviour).
	 * @throws IllegalArgumentException outside 43..128, with oauthlib's messages
	 */
	static String codeVerifier(int length) {
		if (length < 43) {
			throw new IllegalArgumentException("Length must be greater than or equal to 43");
		}
		if (length > 128) {
			throw new IllegalArgumentException("Length must be less than or equal to 128");
		}
		byte[] random = new byte[length];
		RANDOM.nextBytes(random);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
	}

	/** base64url(SHA-256(ASCII verifier)) without padding. */
	static String s256(String codeVerifier) {
		if (!codeVerifier.chars().allMatch((c) -> c < 0x80)) {
			throw new IllegalArgumentException("The code verifier must be ASCII (Python: UnicodeEncodeError)");
		}
		try {
			return Base64.getUrlEncoder().withoutPadding().encodeToString(
					MessageDigest.getInstance("SHA-256").digest(codeVerifier.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("The JDK lacks SHA-256", ex);
		}
	}

}
