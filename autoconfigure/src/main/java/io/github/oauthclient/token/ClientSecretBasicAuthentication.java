package io.github.oauthclient.token;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.springframework.http.HttpHeaders;

/**
 * {@code client_secret_basic}: {@code Authorization: Basic base64(urlencode(id) ":" urlencode(secret))}.
 *
 * <p>RFC 6749 section 2.3.1 requires both parts to be {@code application/x-www-form-urlencoded} before Base64, and
 * servers (Keycloak, oidc-provider, Spring Authorization Server) URL-decode them: a secret such as
 * {@code p+ss/w:rd%20&=?} only works encoded. {@link URLEncoder} implements exactly that encoding.
 */
final class ClientSecretBasicAuthentication implements ClientAuthentication {

	private final String authorization;

	private final boolean includeClientId;

	ClientSecretBasicAuthentication(String clientId, String clientSecret, boolean includeClientId) {
		String credentials = URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
				+ URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
		this.authorization = "Basic "
				+ Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
		this.includeClientId = includeClientId;
	}

	@Override
	public ClientAuthenticationMethod method() {
		return ClientAuthenticationMethod.CLIENT_SECRET_BASIC;
	}

	@Override
	public boolean includeClientIdInBody() {
		return includeClientId;
	}

	@Override
	public void addHeaders(HttpHeaders headers) {
		headers.set(HttpHeaders.AUTHORIZATION, authorization);
	}

	@Override
	public String toString() {
		return "client_secret_basic[Authorization: Basic ******]";
	}
}
