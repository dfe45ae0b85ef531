package io.github.oauthclient.http;

import java.io.IOException;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpResponse;

import io.github.oauthclient.core.OAuth2Token;
import io.github.oauthclient.core.TokenPlacement;

/**
 * Puts a token on a request and sends it: one implementation per {@link TokenPlacement}. Implementations never change
 * the caller's request URI or body in place, so the same original can be sent again with a fresh token on a 401.
 */
interface TokenPlacer {

	/**
	 * Sends {@code request} with {@code token} attached.
	 * @param request the original request
	 * @param body the original body
	 * @param token the token to attach
	 * @param execution the rest of the chain
	 * @return the response
	 * @throws IOException from the execution
	 */
	ClientHttpResponse execute(HttpRequest request, byte[] body, OAuth2Token token,
			ClientHttpRequestExecution execution) throws IOException;

	/** The placer for {@code placement}. */
	static TokenPlacer of(TokenPlacement placement, String registrationId) {
		return switch (placement) {
			case AUTH_HEADER -> new HeaderTokenPlacer(registrationId);
			case QUERY -> new QueryTokenPlacer(registrationId);
			case BODY -> new BodyTokenPlacer(registrationId);
		};
	}

	/**
	 * Checks that the token is a bearer token, the only type the starter sends (oauthlib also knows the MAC draft,
	 * which never became a standard). A missing token_type means Bearer, as for oauthlib's client default; the
	 * comparison ignores case ({@code bearer} is common).
	 * @param token the token
	 * @param registrationId for the message
	 * @return the access token value
	 */
	static String bearerValue(OAuth2Token token, String registrationId) {
		String type = token.tokenType();
		if (type != null && !type.equalsIgnoreCase("Bearer")) {
			throw new IllegalStateException("The authorization server issued a token of type '" + type
					+ "' to OAuth client registration '" + registrationId + "'; only Bearer tokens (RFC 6750) can be "
					+ "sent to resources");
		}
		return token.accessToken();
	}

}
