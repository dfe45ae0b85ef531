package io.github.oauthclient.token;

/**
 * {@code none}: a public client identifies itself with {@code client_id} in the body and sends no secret.
 */
final class PublicClientAuthentication implements ClientAuthentication {

	@Override
	public ClientAuthenticationMethod method() {
		return ClientAuthenticationMethod.NONE;
	}

	@Override
	public String toString() {
		return "none";
	}
}
