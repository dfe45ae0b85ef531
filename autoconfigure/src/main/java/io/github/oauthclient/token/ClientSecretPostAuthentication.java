package io.github.oauthclient.token;

import java.util.Map;

/**
 * {@code client_secret_post}: {@code client_id} and {@code client_secret} in the form body, where oauthlib puts
 * them ({@code grant_type}, {@code client_id}, {@code client_secret}, {@code scope}, extras).
 */
final class ClientSecretPostAuthentication implements ClientAuthentication {

	private final String clientSecret;

	ClientSecretPostAuthentication(String clientSecret) {
		this.clientSecret = clientSecret;
	}

	@Override
	public ClientAuthenticationMethod method() {
		return ClientAuthenticationMethod.CLIENT_SECRET_POST;
	}

	@Override
	public void addBodyParameters(String tokenUri, Map<String, Object> extras) {
		extras.put("client_secret", clientSecret);
	}

	@Override
	public String toString() {
		return "client_secret_post[client_secret=******]";
	}
}
