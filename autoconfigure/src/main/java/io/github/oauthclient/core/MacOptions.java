package io.github.oauthclient.core;

import java.time.Instant;

/**
 * The optional inputs of oauthlib's MAC signing ({@code prepare_mac_header}'s keyword arguments) for a MAC
 * token: the nonce, the {@code ext} field, the token issue time (from which draft 0 derives the nonce's age when
 * no nonce is given) and the draft version (0 or 1; draft 1 adds {@code ts} and always uses a random nonce).
 *
 * @param nonce the nonce to use (draft 0), or null to derive {@code <age>:<random>}
 * @param ext the {@code ext} value, or null
 * @param issueTime when the token was issued (needed in draft 0 when {@code nonce} is null), or null
 * @param draft 0 or 1
 */
public record MacOptions(String nonce, String ext, Instant issueTime, int draft) {

	/** Validates the draft number. */
	public MacOptions {
		if (draft != 0 && draft != 1) {
			throw new IllegalArgumentException("MAC draft must be 0 or 1, got " + draft);
		}
	}

	/** Draft 0 with a fixed nonce (deterministic output). */
	public static MacOptions withNonce(String nonce) {
		return new MacOptions(nonce, null, null, 0);
	}

}
