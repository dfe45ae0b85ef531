package io.github.oauthclient.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * oauthlib's {@code parameters.parse_token_response} and {@code validate_token_parameters}: decode the body
 * (JSON, or form-encoded when it is not JSON), normalise {@code scope} and {@code expires_in}, then check, in
 * oauthlib's order, for an {@code error}, a missing {@code access_token}, a missing {@code token_type} (strict
 * mode only) and a scope change. Where Python would crash the result is a {@link MalformedTokenResponseException}.
 */
final class TokenResponseParser {

	private final boolean strictTokenType;

	private final boolean relaxTokenScope;

	private final ScopeChangeListener listener;

	TokenResponseParser(boolean strictTokenType, boolean relaxTokenScope, ScopeChangeListener listener) {
		this.strictTokenType = strictTokenType;
		this.relaxTokenScope = relaxTokenScope;
		this.listener = listener;
	}

	/**
	 * @param body the response body
	 * @param requested the requested scope as a list (Python's {@code scope_to_list} of it), or null
	 * @param now the current time in epoch seconds
	 */
	OAuth2Token parse(String body, List<String> requested, double now) {
		Map<String, Object> params = decode(body);
		if (params.containsKey("scope")) {
			try {
				params.put("scope", ScopeSupport.scopeToList(params.get("scope")));
			}
			catch (ScopeSupport.UnsupportedScopeException ex) {
				throw new MalformedTokenResponseException("\"scope\" must be a string or an array, but is a JSON "
						+ PythonRepr.jsonTypeName(params.get("scope")) + " (Python: AttributeError: " + ex.getMessage() + ")");
			}
		}
		if (params.containsKey("expires_in")) {
			Object expiresIn = params.get("expires_in");
			if (expiresIn == null) {
				params.remove("expires_in");
			}
			else {
				params.put("expires_at", now + toDouble(expiresInAsInt(expiresIn)));
			}
		}
		OAuth2Token token = OAuth2Token.of(Collections.unmodifiableMap(params), requested);
		validate(token);
		return token;
	}

	private Map<String, Object> decode(String body) {
		PythonJson.Result json = PythonJson.parse(body);
		if (json.tooDeep()) {
			throw new MalformedTokenResponseException(
					"The token response JSON is nested too deeply (Python: RecursionError)");
		}
		if (json.isJson()) {
			if (!(json.value() instanceof Map)) {
				throw new MalformedTokenResponseException("The token response is JSON but not an object (it is a "
						+ "JSON " + PythonRepr.jsonTypeName(json.value()) + "); a token response must be a JSON object");
			}
			@SuppressWarnings("unchecked")
			Map<String, Object> map = new LinkedHashMap<>((Map<String, Object>) json.value());
			return map;
		}
		Map<String, Object> params = new LinkedHashMap<>();
		for (Map.Entry<String, String> pair : FormCodec.decode(body, false)) {
			params.put(pair.getKey(), pair.getValue());
		}
		if (params.containsKey("expires_in")) {
			params.put("expires_in", expiresInAsInt(params.get("expires_in")));
		}
		return params;
	}

	private static Number expiresInAsInt(Object expiresIn) {
		try {
			return PythonInt.toInt(expiresIn);
		}
		catch (PythonInt.ConversionException ex) {
			throw new MalformedTokenResponseException("\"expires_in\" must be an integer number of seconds, but "
					+ "Python's int() rejects it (" + ex.pythonType() + ": " + ex.getMessage() + ")");
		}
	}

	private static double toDouble(Number pythonInt) {
		try {
			return PythonInt.toDouble(pythonInt);
		}
		catch (PythonInt.ConversionException ex) {
			throw new MalformedTokenResponseException(
					"\"expires_in\" is too large (" + ex.pythonType() + ": " + ex.getMessage() + ")");
		}
	}

	private void validate(OAuth2Token token) {
		Map<String, Object> params = token.parameters();
		if (params.containsKey("error")) {
			throw OAuth2Errors.fromResponse(params);
		}
		if (!params.containsKey("access_token")) {
			throw new MissingTokenException("Missing access token parameter.", null, null);
		}
		if (!params.containsKey("token_type") && this.strictTokenType) {
			throw new MissingTokenTypeException();
		}
		TokenFields.requireStringFields(params, MalformedTokenResponseException::new);
		if (token.scopeChanged()) {
			if (this.listener != null) {
				this.listener.scopeChanged(ScopeChangedException.message(token), token.oldScopes(), token.scopes());
			}
			if (!this.relaxTokenScope) {
				throw new ScopeChangedException(token);
			}
		}
	}

}
