package io.github.oauthclient.core;

/**
 * OAuth 2.0 error {@code mismatching_state}: the state in a response differs from the one sent. Mirrors oauthlib's class for this code (default description
 * {@code "CSRF Warning! State not equal in request and response."}, status code 400).
 */
public class MismatchingStateException extends OAuth2Exception {

	private static final long serialVersionUID = 1L;

	/** The error code this class stands for. */
	public static final String ERROR = "mismatching_state";

	/** oauthlib's default description, used when the server sends none. */
	public static final String DEFAULT_DESCRIPTION = "CSRF Warning! State not equal in request and response.";

	/** oauthlib's class-default status code. */
	public static final int STATUS_CODE = 400;

	/** With the default description and no uri or state. */
	public MismatchingStateException() {
		this(null, null, null);
	}

	/**
	 * @param description the {@code error_description}, or null for the default
	 * @param uri the {@code error_uri} or null
	 * @param state the {@code state} or null
	 */
	public MismatchingStateException(String description, String uri, String state) {
		super(ERROR, orDefault(description, DEFAULT_DESCRIPTION), uri, state, STATUS_CODE);
	}

}
