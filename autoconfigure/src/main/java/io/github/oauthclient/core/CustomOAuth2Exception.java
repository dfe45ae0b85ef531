package io.github.oauthclient.core;

/**
 * An error code oauthlib has no class for (matching is exact and case-sensitive, so {@code INVALID_CLIENT}
 * lands here too), mirroring oauthlib's {@code CustomOAuth2Error}: the code is kept as sent (a non-string code
 * is shown as Python's {@code str()} of it), the default description is empty and the status code is 400.
 */
public class CustomOAuth2Exception extends OAuth2Exception {

	private static final long serialVersionUID = 1L;

	/** oauthlib's class-default status code. */
	public static final int STATUS_CODE = 400;

	/**
	 * @param error the error code as sent
	 * @param description the {@code error_description}, or null for none
	 * @param uri the {@code error_uri} or null
	 * @param state the {@code state} or null
	 */
	public CustomOAuth2Exception(String error, String description, String uri, String state) {
		super(error, orDefault(description, ""), uri, state, STATUS_CODE);
	}

}
