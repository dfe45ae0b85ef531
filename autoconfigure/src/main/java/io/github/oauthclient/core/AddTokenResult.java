package io.github.oauthclient.core;

import java.util.Map;

/**
 * What oauthlib's {@code add_token} returns: the URI, headers and body of the request, with the token added to
 * exactly one of them. Untouched parts are returned as passed (null stays null). {@link #toString()} masks the
 * token-bearing parts.
 *
 * @param uri the request URI (changed only for {@link TokenPlacement#QUERY})
 * @param headers the headers (changed only for {@link TokenPlacement#AUTH_HEADER}; then unmodifiable)
 * @param body the body (changed only for {@link TokenPlacement#BODY})
 */
public record AddTokenResult(String uri, Map<String, String> headers, String body) {

	@Override
	public String toString() {
		return "AddTokenResult[uri=" + ((this.uri != null && this.uri.contains("access_token=")) ? "<masked>" : this.uri)
				+ ", headers=" + ((this.headers != null) ? this.headers.keySet() : null) + ", body="
				+ ((this.body != null) ? "<masked>" : null) + "]";
	}

}
