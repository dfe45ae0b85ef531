package io.github.oauthclient.core;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The token fields the client copies into typed state ({@code populate_token_attributes}) and therefore needs
 * as strings. Deliberate divergence: oauthlib stores any JSON value there and fails later in Python-specific
 * ways (a numeric {@code token_type} crashes {@code add_token}); the port rejects a non-string up front.
 */
final class TokenFields {

	/** Keys whose values must be strings or null. */
	static final List<String> STRING_KEYS = List.of("access_token", "refresh_token", "token_type", "mac_key",
			"mac_algorithm");

	private TokenFields() {
	}

	/** Throws the exception made by {@code failure} when a string field holds a non-string value. */
	static <E extends RuntimeException> void requireStringFields(Map<String, Object> params,
			Function<String, E> failure) {
		for (String key : STRING_KEYS) {
			Object value = params.get(key);
			if (value != null && !(value instanceof String)) {
				throw failure.apply("\"" + key + "\" must be a string or null, but is a JSON "
						+ PythonRepr.jsonTypeName(value));
			}
		}
	}

}
