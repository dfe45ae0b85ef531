package io.github.oauthclient.http;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRequest;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpResponse;

import io.github.oauthclient.core.BearerTokens;
import io.github.oauthclient.core.OAuth2Token;

/**
 * {@code access_token=<token>} in an {@code application/x-www-form-urlencoded} body (RFC 6750 section 2.2),
 * oauthlib's {@code body} placement, built with the core's oauthlib-exact {@link BearerTokens#prepareBearerBody}.
 *
 * <p>RFC 6750 allows this placement only for form bodies and never for GET, so:
 * <ul>
 * <li>a request with a form body gets {@code &access_token=...} appended (decoded and re-encoded in the body's charset,
 * UTF-8 unless the Content-Type says otherwise);</li>
 * <li>a request without a body (and without a Content-Type) gets the body {@code access_token=...} and the form
 * Content-Type;</li>
 * <li>a GET or HEAD request, or one whose body is not a form (JSON, multipart, ...), fails with an
 * {@link IllegalStateException} before anything is sent, rather than going out unauthenticated or with a corrupted
 * body. Use {@code token-placement: auth_header} for such APIs.</li>
 * </ul>
 * The original body array is never modified, so a 401 retry starts from it again.
 */
record BodyTokenPlacer(String registrationId) implements TokenPlacer {

	@Override
	public ClientHttpResponse execute(HttpRequest request, byte[] body, OAuth2Token token,
			ClientHttpRequestExecution execution) throws IOException {
		HttpMethod method = request.getMethod();
		if (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)) {
			throw refused(request, "a " + method.name() + " request has no form body (RFC 6750 section 2.2 forbids "
					+ "this placement for GET)");
		}
		MediaType contentType = request.getHeaders().getContentType();
		if (contentType == null && body.length == 0) {
			contentType = MediaType.APPLICATION_FORM_URLENCODED;
			request.getHeaders().setContentType(contentType);
		}
		if (contentType == null || !MediaType.APPLICATION_FORM_URLENCODED.includes(contentType)) {
			throw refused(request, "its body is " + ((contentType != null) ? contentType : "of unknown type")
					+ ", not application/x-www-form-urlencoded");
		}
		Charset charset = (contentType.getCharset() != null) ? contentType.getCharset() : StandardCharsets.UTF_8;
		String form = BearerTokens.prepareBearerBody(TokenPlacer.bearerValue(token, this.registrationId),
				new String(body, charset));
		return execution.execute(request, form.getBytes(charset));
	}

	private IllegalStateException refused(HttpRequest request, String reason) {
		return new IllegalStateException("OAuth client registration '" + this.registrationId
				+ "' uses token-placement body, but the " + request.getMethod().name() + " request to "
				+ request.getURI().getHost() + " cannot carry the token in its body: " + reason
				+ ". Use token-placement auth_header (or query) for this API.");
	}

}
