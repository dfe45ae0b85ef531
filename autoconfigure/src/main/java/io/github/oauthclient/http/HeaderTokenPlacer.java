package io.github.oauthclient.http;

import java.io.IOException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpResponse;

import io.github.oauthclient.core.BearerTokens;
import io.github.oauthclient.core.OAuth2Token;

/**
 * {@code Authorization: Bearer <token>} (RFC 6750 section 2.1), oauthlib's {@code auth_header} placement
 * ({@link BearerTokens#prepareBearerHeaders}): the raw token after {@code "Bearer "}, replacing any Authorization
 * header the request had.
 *
 * <p>The header value is built once per token and kept in a volatile field keyed by the token's identity, so the
 * common case (the cached token again) reads one field and allocates nothing.
 */
final class HeaderTokenPlacer implements TokenPlacer {

	private final String registrationId;

	private volatile BearerHeader cached;

	HeaderTokenPlacer(String registrationId) {
		this.registrationId = registrationId;
	}

	@Override
	public ClientHttpResponse execute(HttpRequest request, byte[] body, OAuth2Token token,
			ClientHttpRequestExecution execution) throws IOException {
		request.getHeaders().set(HttpHeaders.AUTHORIZATION, headerValue(token));
		return execution.execute(request, body);
	}

	String headerValue(OAuth2Token token) {
		BearerHeader header = this.cached;
		if (header != null && header.token() == token) {
			return header.value();
		}
		String value = BearerTokens.prepareBearerHeaders(TokenPlacer.bearerValue(token, this.registrationId), null)
			.get(HttpHeaders.AUTHORIZATION);
		this.cached = new BearerHeader(token, value);
		return value;
	}

	/** A token and its header value; compared by token identity. */
	private record BearerHeader(OAuth2Token token, String value) {

		@Override
		public String toString() {
			return "BearerHeader[******]";
		}

	}

}
