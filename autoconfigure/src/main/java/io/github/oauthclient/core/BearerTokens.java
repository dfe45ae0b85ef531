package io.github.oauthclient.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * oauthlib's bearer-token helpers ({@code tokens.prepare_bearer_headers}, {@code prepare_bearer_uri},
 * {@code prepare_bearer_body}) as static methods, so that a caller holding an {@link OAuth2Token} (for example
 * from a token cache) can place it exactly as {@link BackendApplicationClient#addToken} would, without the
 * client's transport, type and expiry checks. The header value is raw ({@code Bearer a b}, not encoded); the query
 * and body values are form-encoded and the URI is re-serialised as Python's {@code urlparse} does.
 * <p>
 * Deliberate divergence: a caller's header map is never mutated; the result is an unmodifiable copy with
 * {@code Authorization} set (exact-case key; a lower-case {@code authorization} entry stays beside it, as in
 * oauthlib).
 */
public final class BearerTokens {

	private BearerTokens() {
	}

	/** {@code prepare_bearer_headers(token, headers)}: {@code headers} plus {@code Authorization: Bearer <token>}. */
	public static Map<String, String> prepareBearerHeaders(String token, Map<String, String> headers) {
		Objects.requireNonNull(token, "token");
		if (headers == null || headers.isEmpty()) {
			return Map.of("Authorization", "Bearer " + token);
		}
		Map<String, String> copy = new LinkedHashMap<>(headers);
		copy.put("Authorization", "Bearer " + token);
		return Collections.unmodifiableMap(copy);
	}

	/** {@code prepare_bearer_uri(token, uri)}: {@code access_token=<token>} appended to the query. */
	public static String prepareBearerUri(String token, String uri) {
		return FormCodec.addParamsToUri(uri, List.of(Map.entry("access_token", Objects.requireNonNull(token, "token"))));
	}

	/** {@code prepare_bearer_body(token, body)}: {@code access_token=<token>} appended to the form body. */
	public static String prepareBearerBody(String token, String body) {
		return FormCodec.addParamsToQs(body, List.of(Map.entry("access_token", Objects.requireNonNull(token, "token"))));
	}

	/**
	 * oauthlib's {@code _add_bearer_token}: the token placed in one part of the request, the other parts returned
	 * as passed.
	 */
	public static AddTokenResult place(String token, TokenPlacement placement, String uri, String body,
			Map<String, String> headers) {
		return switch (Objects.requireNonNull(placement, "placement")) {
			case AUTH_HEADER -> new AddTokenResult(uri, prepareBearerHeaders(token, headers), body);
			case QUERY -> new AddTokenResult(prepareBearerUri(token, uri), headers, body);
			case BODY -> new AddTokenResult(uri, headers, prepareBearerBody(token, body));
		};
	}

	/** {@link #place} for a client snapshot, reusing its cached header map when there are no other headers. */
	static AddTokenResult place(ClientState state, TokenPlacement placement, String uri, String body,
			Map<String, String> headers) {
		if (placement == TokenPlacement.AUTH_HEADER && (headers == null || headers.isEmpty())) {
			return new AddTokenResult(uri, state.bearerHeaders, body);
		}
		return place(state.accessToken, placement, uri, body, headers);
	}

}
