package io.github.oauthclient.core;

/**
 * OAuth 2.0 error {@code insufficient_scope}: the request requires higher privileges than the access token provides. Mirrors oauthlib's class for this code (default description
 * {@code "The request requires higher privileges than provided by the access token."}, status code 403).
 */
public class InsufficientScopeException extends OAuth2Exception {

	private static final long serialVersionUID = 1L;

	/** The error code this class stands for. */
	public static final String ERROR = "insufficient_scope";

	/** oauthlib's default description, used when the server sends none. */
	public static final String DEFAULT_DESCRIPTION = "The request requires higher privileges than provided by the access token.";

	/** oauthlib's class-default status code. */
	public static final int STATUS_CODE = 403;

	/** With the default description and no uri or state. */
	public InsufficientScopeException() {
		this(null, null, null);
	}

	/**
	 * @param description the {@code error_description}, or null for the default
	 * @param uri the {@code error_uri} or null
	 * @param state the {@code state} or null
	 */
	public InsufficientScopeException(String description, String uri, String state) {
		super(ERROR, orDefault(description, DEFAULT_DESCRIPTION), uri, state, STATUS_CODE);
	}

}
