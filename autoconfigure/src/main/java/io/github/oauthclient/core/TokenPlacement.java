package io.github.oauthclient.core;

/**
 * Where {@link BackendApplicationClient#addToken} puts a token, with oauthlib's names: the
 * {@code Authorization} header (the default), the URI query, or the form body.
 */
public enum TokenPlacement {

	/** {@code Authorization: Bearer <token>} (oauthlib {@code "auth_header"}). */
	AUTH_HEADER("auth_header"),

	/** {@code ?access_token=<token>} appended to the URI query (oauthlib {@code "query"}). */
	QUERY("query"),

	/** {@code access_token=<token>} appended to the form body (oauthlib {@code "body"}). */
	BODY("body");

	private final String value;

	TokenPlacement(String value) {
		this.value = value;
	}

	/** oauthlib's name: {@code auth_header}, {@code query} or {@code body}. */
	public String value() {
		return this.value;
	}

	/**
	 * The placement with oauthlib's name {@code value} (case-sensitive, as in oauthlib).
	 * @throws IllegalArgumentException with oauthlib's message {@code Invalid token placement.} otherwise
	 */
	public static TokenPlacement fromValue(String value) {
		for (TokenPlacement placement : values()) {
			if (placement.value.equals(value)) {
				return placement;
			}
		}
		throw new IllegalArgumentException("Invalid token placement.");
	}

}
