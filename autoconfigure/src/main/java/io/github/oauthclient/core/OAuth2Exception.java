package io.github.oauthclient.core;

/**
 * An OAuth 2.0 error, mirroring oauthlib's {@code OAuth2Error}: the authorization server's {@code error} code,
 * {@code error_description}, {@code error_uri} and {@code state}, plus oauthlib's class-default HTTP status
 * ({@code 401} for {@code invalid_client} and {@code invalid_token}, {@code 403} for
 * {@code insufficient_scope}, {@code 400} otherwise; it is not the status the server answered with).
 * <p>
 * The message is oauthlib's {@code "(" + error + ") " + description}, with a trailing space when there is no
 * description. It never contains a token. One subclass exists per error code oauthlib knows
 * ({@link OAuth2Errors} maps codes to classes); unknown codes become {@link CustomOAuth2Exception}.
 */
public class OAuth2Exception extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String error;

	private final String description;

	private final String uri;

	private final String state;

	private final int statusCode;

	/**
	 * @param error the error code, as sent
	 * @param description the description (the subclass default when the server sent none), never null
	 * @param uri the {@code error_uri} or null
	 * @param state the {@code state} or null
	 * @param statusCode oauthlib's class-default status code
	 */
	public OAuth2Exception(String error, String description, String uri, String state, int statusCode) {
		super("(" + error + ") " + ((description != null) ? description : ""));
		this.error = error;
		this.description = (description != null) ? description : "";
		this.uri = uri;
		this.state = state;
		this.statusCode = statusCode;
	}

	/** The {@code error} code, e.g. {@code invalid_client}. */
	public String error() {
		return this.error;
	}

	/** The {@code error_description}, or the class default (often empty), never null. */
	public String description() {
		return this.description;
	}

	/** The {@code error_uri}, or null. */
	public String uri() {
		return this.uri;
	}

	/** The {@code state} the server echoed, or null. */
	public String state() {
		return this.state;
	}

	/** oauthlib's class-default HTTP status code for this error (not the response's status). */
	public int statusCode() {
		return this.statusCode;
	}

	/** {@code description} when not null, else {@code fallback}. */
	static String orDefault(String description, String fallback) {
		return (description != null) ? description : fallback;
	}

}
