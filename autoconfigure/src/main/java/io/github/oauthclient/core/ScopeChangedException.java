package io.github.oauthclient.core;

import java.util.List;

/**
 * The authorization server granted a different scope set than was requested. Deliberate divergence: oauthlib
 * raises Python's builtin {@code Warning} with extra attributes; the port raises this dedicated type (not an
 * {@link OAuth2Exception}) carrying the parsed token and both scope sets. It is raised unless the client's
 * relax-token-scope option is on; the client's state is left unchanged when it is raised.
 * <p>
 * The message is oauthlib's {@code Scope has changed from "<old>" to "<new>".} with each set in code-point order
 * (Python's set order is unspecified). It holds scopes only, never the token.
 */
public class ScopeChangedException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final transient OAuth2Token token;

	/** @param token the parsed token, with {@link OAuth2Token#scopeChanged()} true */
	public ScopeChangedException(OAuth2Token token) {
		super(message(token));
		this.token = token;
	}

	/** oauthlib's message for a token whose scope changed. */
	static String message(OAuth2Token token) {
		return "Scope has changed from \"" + nullToNone(token.oldScope()) + "\" to \"" + nullToNone(token.scope())
				+ "\".";
	}

	private static String nullToNone(String scope) {
		return (scope != null) ? scope : "None";
	}

	/** The token as parsed (usable if the caller accepts the new scope). */
	public OAuth2Token token() {
		return this.token;
	}

	/** The requested scope set, sorted. */
	public List<String> oldScopes() {
		return this.token.oldScopes();
	}

	/** The granted scope set, sorted. */
	public List<String> newScopes() {
		return this.token.scopes();
	}

}
