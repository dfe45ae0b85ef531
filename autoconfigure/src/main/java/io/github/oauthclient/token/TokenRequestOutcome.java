package io.github.oauthclient.token;

import java.util.Set;

/**
 * Sorts the result of a token request into a few stable words: {@code success}, a standard OAuth 2.0 {@code error}
 * code, {@code io_error}, {@code invalid_response} or {@code other_error}.
 *
 * <p>Exists so that the {@code outcome} tag of the token request metric and the {@code lastError} of the health
 * indicator say the same thing and stay low-cardinality: an authorization server can send any {@code error} string,
 * so only the codes of RFC 6749, RFC 6750 and RFC 8628 are passed through; any other becomes {@code other_error}.
 */
public final class TokenRequestOutcome {

	/** The outcome of a request that returned a token. */
	public static final String SUCCESS = "success";

	/** No answer: connection refused or reset, timeout, DNS failure, interruption. */
	public static final String IO_ERROR = "io_error";

	/** An answer that is neither a token nor an OAuth error (HTML page, garbage, too large, redirect). */
	public static final String INVALID_RESPONSE = "invalid_response";

	/** An OAuth error code outside the standard ones, or a failure that is not a {@link TokenAcquisitionException}. */
	public static final String OTHER_ERROR = "other_error";

	private static final Set<String> STANDARD_ERRORS = Set.of("invalid_request", "invalid_client", "invalid_grant",
			"unauthorized_client", "unsupported_grant_type", "invalid_scope", "access_denied", "server_error",
			"temporarily_unavailable", "invalid_token", "insufficient_scope", "slow_down", "expired_token",
			"unsupported_response_type", "invalid_target");

	private TokenRequestOutcome() {
	}

	/** The outcome of a request that failed with {@code failure} ({@link #SUCCESS} when {@code null}). */
	public static String of(Throwable failure) {
		if (failure == null) {
			return SUCCESS;
		}
		if (!(failure instanceof TokenAcquisitionException acquisition)) {
			return OTHER_ERROR;
		}
		String error = acquisition.error();
		if (error != null) {
			return STANDARD_ERRORS.contains(error) ? error : OTHER_ERROR;
		}
		return (acquisition.httpStatus() == 0) ? (acquisition.getCause() != null ? IO_ERROR : OTHER_ERROR)
				: INVALID_RESPONSE;
	}
}
