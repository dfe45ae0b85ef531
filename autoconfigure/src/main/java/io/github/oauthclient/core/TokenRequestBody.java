package io.github.oauthclient.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * oauthlib's module function {@code parameters.prepare_token_request(grant_type, body, include_client_id,
 * code_verifier, **kwargs)}, which every body-preparing client method ends in. It fixes the parameter order:
 * {@code <existing body>}, {@code grant_type}, {@code client_id}?, {@code code_verifier}?, {@code client_secret}?,
 * then the remaining keyword arguments in order, each only when truthy.
 */
final class TokenRequestBody {

	private TokenRequestBody() {
	}

	/**
	 * @param grantType the grant type
	 * @param body the existing body ("" for none)
	 * @param includeClientId whether a non-null {@code client_id} keyword is sent
	 * @param kwargs the keyword arguments in Python's order; {@code scope} may be a String, a list or null,
	 * every other value a String or null; consumed
	 */
	static String prepare(String grantType, String body, boolean includeClientId, Map<String, Object> kwargs) {
		List<Map.Entry<String, String>> params = new ArrayList<>(kwargs.size() + 2);
		params.add(Map.entry("grant_type", grantType));
		if (kwargs.containsKey("scope")) {
			kwargs.put("scope", ScopeSupport.listToScope(kwargs.get("scope")));
		}
		Object clientId = kwargs.remove("client_id");
		if (includeClientId && clientId != null) {
			params.add(Map.entry("client_id", (String) clientId));
		}
		Object codeVerifier = kwargs.remove("code_verifier");
		if (codeVerifier != null) {
			params.add(Map.entry("code_verifier", (String) codeVerifier));
		}
		Object clientSecret = kwargs.remove("client_secret");
		if (clientSecret != null) {
			params.add(Map.entry("client_secret", (String) clientSecret));
		}
		appendTruthy(params, kwargs);
		return FormCodec.addParamsToQs(body, params);
	}

	/** Appends each keyword argument whose value is truthy (non-null, non-empty), in order. */
	static void appendTruthy(List<Map.Entry<String, String>> params, Map<String, Object> kwargs) {
		for (Map.Entry<String, Object> e : kwargs.entrySet()) {
			if (PythonValues.isTruthy(e.getValue())) {
				params.add(Map.entry(e.getKey(), (String) e.getValue()));
			}
		}
	}

	/**
	 * Rejects extras that Python would bind to a named parameter and then reject as given twice (or that the
	 * Java signature takes separately), with a message naming the argument to use instead.
	 */
	static void rejectReserved(Map<String, String> extras, String method, String... reserved) {
		for (String name : reserved) {
			if (extras.containsKey(name)) {
				throw new IllegalArgumentException(method + " got '" + name + "' as an extra parameter; it is "
						+ ("grant_type".equals(name) ? "fixed by the method and cannot be overridden"
								: "an argument of its own (Python: TypeError, multiple values for '" + name + "')"));
			}
		}
	}

}
