package io.github.oauthclient.core;

import java.util.Map;

/**
 * What oauthlib's {@code prepare_*_request} methods return: the URL (untouched), the headers (always
 * {@code Content-Type: application/x-www-form-urlencoded}; an immutable map, unlike oauthlib's shared mutable
 * dict) and the form body. The body may hold a client secret: {@link #toString()} does not print it.
 *
 * @param url the URL to POST to
 * @param headers the request headers, unmodifiable
 * @param body the {@code application/x-www-form-urlencoded} body
 */
public record TokenRequest(String url, Map<String, String> headers, String body) {

	/** Copies {@code headers} into an unmodifiable map. */
	public TokenRequest {
		headers = (headers != null) ? Map.copyOf(headers) : Map.of();
	}

	@Override
	public String toString() {
		return "TokenRequest[url=" + this.url + ", headers=" + this.headers + ", body=<" + this.body.length()
				+ " chars, not shown>]";
	}

}
