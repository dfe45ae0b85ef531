package io.github.oauthclient.core;

/**
 * A token response (or token map) oauthlib would crash on with a Python runtime error ({@code TypeError},
 * {@code ValueError} from {@code int()}, {@code OverflowError}, {@code AttributeError}, odd results for
 * non-object JSON). Deliberate divergence: instead of a Python-specific crash the port raises this one
 * exception type, whose description says which field was wrong and why, and never quotes a token.
 * <p>
 * It is an {@link OAuth2Exception} with the pseudo error code {@value #ERROR} so that callers can handle every
 * unusable response in one place; oauthlib itself never produces that code.
 */
public class MalformedTokenResponseException extends OAuth2Exception {

	private static final long serialVersionUID = 1L;

	/** The pseudo error code of this class. */
	public static final String ERROR = "malformed_token_response";

	/** Status code, as for most oauthlib errors. */
	public static final int STATUS_CODE = 400;

	/** @param description what was wrong with the response */
	public MalformedTokenResponseException(String description) {
		super(ERROR, description, null, null, STATUS_CODE);
	}

}
