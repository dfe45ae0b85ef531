package io.github.oauthclient.sample.orders;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import io.github.oauthclient.core.OAuth2Token;
import io.github.oauthclient.token.TokenAcquisitionException;
import io.github.oauthclient.token.TokenProvider;

import org.springframework.stereotype.Component;

/**
 * Describes the access token the client currently holds, for the console and {@code GET /demo}, without showing
 * it: its type, length, scope and expiry only. It asks the starter's {@link TokenProvider} bean (the default
 * registration's), which hands out the cached token, the same one the calls carry.
 */
@Component
public class TokenFacts {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss")
		.withZone(ZoneId.systemDefault());

	private final TokenProvider tokenProvider;

	public TokenFacts(TokenProvider tokenProvider) {
		this.tokenProvider = tokenProvider;
	}

	/** For example {@code "Bearer, 692 characters, scope [inventory.read], expires_in 7 s (at 20:09:07)"}. */
	public String describeCurrentToken() {
		try {
			return describe(this.tokenProvider.token());
		}
		catch (TokenAcquisitionException ex) {
			return "none: " + ex.getMessage();
		}
	}

	static String describe(OAuth2Token token) {
		String type = (token.tokenType() != null) ? token.tokenType() : "no token_type";
		String scope = (token.scopes() != null) ? "scope " + token.scopes() : "no scope in the answer";
		String expiry = (token.expiresIn() != null) ? "expires_in " + token.expiresIn() + " s" : "no expires_in";
		if (token.expiresAtInstant() != null) {
			expiry += " (at " + TIME.format(token.expiresAtInstant()) + ")";
		}
		return type + ", " + token.accessToken().length() + " characters, " + scope + ", " + expiry;
	}

}
