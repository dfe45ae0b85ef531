package io.github.oauthclient.token;

import java.util.Map;

import org.springframework.http.HttpHeaders;

/**
 * {@code none}: a public client identifies itself with {@code client_id} in the body and sends no secret.
 */
final class PublicClientAuthentication implements ClientAuthentication {

	@Override
	public ClientAuthenticationMethod method() {
		return ClientAuthenticationMethod.NONE;
	}

	@Override
	public boolean includeClientIdInBody() {
		return true;
	}

	@Override
	public void addBodyParameters(Map<String, Object> extras) {
	}

	@Override
	public void addHeaders(HttpHeaders headers) {
	}

	@Override
	public String toString() {
		return "none";
	}
}
