package io.github.oauthclient.core;

import java.util.Map;

/**
 * oauthlib's {@code raise_from_error}: maps a response's {@code error} code to the exception class for it,
 * exactly and case-sensitively, with the description, uri and state the response carried. Unknown codes give
 * {@link CustomOAuth2Exception}; {@code invalid_request} gives {@link InvalidRequestException} (see there).
 */
final class OAuth2Errors {

	/** Builds an exception from (description, uri, state). */
	private interface Factory {

		OAuth2Exception create(String description, String uri, String state);

	}

	private static final Map<String, Factory> BY_CODE = Map.ofEntries(
			Map.entry(AccessDeniedException.ERROR, AccessDeniedException::new),
			Map.entry(ConsentRequiredException.ERROR, ConsentRequiredException::new),
			Map.entry(InsecureTransportException.ERROR, InsecureTransportException::new),
			Map.entry(InsufficientScopeException.ERROR, InsufficientScopeException::new),
			Map.entry(InvalidClientException.ERROR, InvalidClientException::new),
			Map.entry(InvalidGrantException.ERROR, InvalidGrantException::new),
			Map.entry(InvalidRequestException.ERROR, InvalidRequestException::new),
			Map.entry(InvalidScopeException.ERROR, InvalidScopeException::new),
			Map.entry(InvalidTokenException.ERROR, InvalidTokenException::new),
			Map.entry(LoginRequiredException.ERROR, LoginRequiredException::new),
			Map.entry(MismatchingStateException.ERROR, MismatchingStateException::new),
			Map.entry(MissingCodeException.ERROR, MissingCodeException::new),
			Map.entry(MissingTokenException.ERROR, MissingTokenException::new),
			Map.entry(MissingTokenTypeException.ERROR, MissingTokenTypeException::new),
			Map.entry(ServerErrorException.ERROR, ServerErrorException::new),
			Map.entry(TemporarilyUnavailableException.ERROR, TemporarilyUnavailableException::new),
			Map.entry(TokenExpiredException.ERROR, TokenExpiredException::new),
			Map.entry(UnauthorizedClientException.ERROR, UnauthorizedClientException::new),
			Map.entry(UnsupportedGrantTypeException.ERROR, UnsupportedGrantTypeException::new),
			Map.entry(UnsupportedResponseTypeException.ERROR, UnsupportedResponseTypeException::new),
			Map.entry(UnsupportedTokenTypeException.ERROR, UnsupportedTokenTypeException::new));

	private OAuth2Errors() {
	}

	/** True when oauthlib has a dedicated class for {@code code}. */
	static boolean isKnown(String code) {
		return BY_CODE.containsKey(code);
	}

	/**
	 * The exception for a response holding an {@code error} key. Non-string values are shown as Python's
	 * {@code str()} of them ({@code 5} gives {@code (5) }).
	 * @throws MalformedTokenResponseException for {@code "error": null} (oauthlib crashes with a TypeError)
	 */
	static OAuth2Exception fromResponse(Map<String, Object> params) {
		Object code = params.get("error");
		if (code == null) {
			return new MalformedTokenResponseException(
					"The token response has \"error\": null; an error response needs an error code");
		}
		String description = strOrNull(params.get("error_description"));
		String uri = strOrNull(params.get("error_uri"));
		String state = strOrNull(params.get("state"));
		Factory factory = (code instanceof String s) ? BY_CODE.get(s) : null;
		if (factory == null) {
			return new CustomOAuth2Exception(PythonRepr.str(code), description, uri, state);
		}
		return factory.create(description, uri, state);
	}

	private static String strOrNull(Object value) {
		return (value != null) ? PythonRepr.str(value) : null;
	}

}
