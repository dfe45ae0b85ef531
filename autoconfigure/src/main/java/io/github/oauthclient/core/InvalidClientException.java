package io.github.oauthclient.core;

/**
 * OAuth 2.0 error {@code invalid_client}: client authentication failed (unknown client, no or wrong credentials). Mirrors oauthlib's class for this code (default description
 * {@code ""}, status code 401).
 */
public class InvalidClientException extends OAuth2Exception {

	private static final long serialVersionUID = 1L;

	/** The error code this class stands for. */
	public static final String ERROR = "invalid_client";

	/** oauthlib's default description, used when the server sends none. */
	public static final String DEFAULT_DESCRIPTION = "";

	/** oauthlib's class-default status code. */
	public static final int STATUS_CODE = 401;

	/** With the default description and no uri or state. */
	public InvalidClientException() {
		this(null, null, null);
	}

	/**
	 * @param description the {@code error_description}, or null for the default
	 * @param uri the {@code error_uri} or null
	 * @param state the {@code state} or null
	 */
	public InvalidClientException(String description, String uri, String state) {
		super(ERROR, orDefault(description, DEFAULT_DESCRIPTION), uri, state, STATUS_CODE);
	}

}
