package io.github.oauthclient.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * oauthlib's {@code _add_bearer_token}: puts a bearer token into the {@code Authorization} header (raw, not
 * encoded: {@code Bearer a b}), the URI query ({@code access_token=}, form-encoded, the URI re-serialised as
 * Python does) or the form body. Deliberate divergence: a caller's header map is never mutated; the result holds
 * an unmodifiable copy with {@code Authorization} set (exact-case key; a lower-case {@code authorization} entry
 * stays beside it, as in oauthlib).
 */
final class BearerTokenPlacer {

	private BearerTokenPlacer() {
	}

	static AddTokenResult place(ClientState state, String uri, String body, Map<String, String> headers,
			TokenPlacement placement) {
		String token = state.accessToken;
		switch (placement) {
			case AUTH_HEADER -> {
				if (headers == null || headers.isEmpty()) {
					return new AddTokenResult(uri, state.bearerHeaders, body);
				}
				Map<String, String> copy = new LinkedHashMap<>(headers);
				copy.put("Authorization", "Bearer " + token);
				return new AddTokenResult(uri, java.util.Collections.unmodifiableMap(copy), body);
			}
			case QUERY -> {
				return new AddTokenResult(FormCodec.addParamsToUri(uri, List.of(Map.entry("access_token", token))),
						headers, body);
			}
			case BODY -> {
				return new AddTokenResult(uri, headers,
						FormCodec.addParamsToQs(body, List.of(Map.entry("access_token", token))));
			}
			default -> throw new IllegalArgumentException("Invalid token placement.");
		}
	}

}
