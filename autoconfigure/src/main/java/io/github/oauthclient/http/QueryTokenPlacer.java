package io.github.oauthclient.http;

import java.io.IOException;
import java.net.URI;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.support.HttpRequestWrapper;

import io.github.oauthclient.core.BearerTokens;
import io.github.oauthclient.core.OAuth2Token;

/**
 * {@code ?access_token=<token>} (RFC 6750 section 2.3), oauthlib's {@code query} placement, built with the core's
 * oauthlib-exact {@link BearerTokens#prepareBearerUri}: the existing query is re-encoded as oauthlib does and the
 * form-encoded token is appended. The request is wrapped with the new URI; the original is left untouched.
 *
 * <p>RFC 6750 discourages this placement (URLs end up in access logs); use it only for servers that need it.
 */
record QueryTokenPlacer(String registrationId) implements TokenPlacer {

	@Override
	public ClientHttpResponse execute(HttpRequest request, byte[] body, OAuth2Token token,
			ClientHttpRequestExecution execution) throws IOException {
		URI uri = withAccessToken(request.getURI(), TokenPlacer.bearerValue(token, this.registrationId));
		return execution.execute(new HttpRequestWrapper(request) {
			@Override
			public URI getURI() {
				return uri;
			}
		}, body);
	}

	/** {@code uri} with {@code access_token=value} appended oauthlib-style. */
	static URI withAccessToken(URI uri, String value) {
		return URI.create(BearerTokens.prepareBearerUri(value, uri.toString()));
	}

}
