package io.github.oauthclient.core;

/**
 * OAuth 2.0 error {@code invalid_token}: the access token is expired, revoked, malformed or otherwise invalid. Mirrors oauthlib's class for this code (default description
 * {@code "The access token provided is expired, revoked, malformed, or invalid for other reasons."}, status code 401).
 */
public class InvalidTokenException extends OAuth2Exception {

	private static final long serialVersionUID = 1L;

	/** The error code this class stands for. */
	public static final String ERROR = "invalid_token";

	/** oauthlib's default description, used when the server sends none. */
	public static final String DEFAULT_DESCRIPTION = "The access token provided is expired, revoked, malformed, or invalid for other reasons.";

	/** oauthlib's class-default status code. */
	public static final int STATUS_CODE = 401;

	/** With the default description and no uri or state. */
	public InvalidTokenException() {
		this(null, null, null);
	}

	/**
	 * @param description the {@code error_description}, or null for the default
	 * @param uri the {@code error_uri} or null
	 * @param state the {@code state} or null
	 */
	public InvalidTokenException(String description, String uri, String state) {
		super(ERROR, orDefault(description, DEFAULT_DESCRIPTION), uri, state, STATUS_CODE);
	}

}
