package io.github.oauthclient.core;

import java.util.Map;

/**
 * oauthlib's {@code populate_token_attributes(response)}: copies the token fields present in a response onto
 * the client, additively. Absent keys keep their previous values (so a refresh token and an expiry survive a
 * response without them); {@code expires_in} sets {@code _expires_at = now + int(expires_in)} and a present
 * {@code expires_at} then replaces it with {@code int(expires_at)}, or with null when that fails.
 */
final class TokenAttributes {

	private TokenAttributes() {
	}

	/**
	 * Applies {@code response} to {@code m}.
	 * @throws IllegalArgumentException when {@code expires_in} is not an int for Python (oauthlib crashes)
	 */
	static void populate(ClientState.Mutable m, Map<String, Object> response, double now) {
		if (response.containsKey("access_token")) {
			m.accessToken = (String) response.get("access_token");
		}
		if (response.containsKey("refresh_token")) {
			m.refreshToken = (String) response.get("refresh_token");
		}
		if (response.containsKey("token_type")) {
			m.tokenType = (String) response.get("token_type");
		}
		if (response.containsKey("expires_in")) {
			Object expiresIn = response.get("expires_in");
			try {
				double seconds = PythonInt.toDouble(PythonInt.toInt(expiresIn));
				m.expiresIn = expiresIn;
				m.expiresAt = now + seconds;
			}
			catch (PythonInt.ConversionException ex) {
				throw new IllegalArgumentException("The token's \"expires_in\" must be an integer number of seconds, "
						+ "but Python's int() rejects it (" + ex.pythonType() + ": " + ex.getMessage() + ")");
			}
		}
		if (response.containsKey("expires_at")) {
			m.expiresAt = PythonInt.toIntOrNull(response.get("expires_at"));
		}
		if (response.containsKey("mac_key")) {
			m.macKey = (String) response.get("mac_key");
		}
		if (response.containsKey("mac_algorithm")) {
			m.macAlgorithm = (String) response.get("mac_algorithm");
		}
	}

}
