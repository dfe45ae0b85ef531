package io.github.oauthclient.token;

/**
 * {@code tls_client_auth} and {@code self_signed_tls_client_auth} (RFC 8705 section 2): the TLS client certificate
 * of the request factory's SSL bundle authenticates the client, and the body carries only {@code client_id}, which
 * the RFC requires. Nothing secret is added to the request.
 */
final class TlsClientAuthentication implements ClientAuthentication {

	private final ClientAuthenticationMethod method;

	TlsClientAuthentication(ClientAuthenticationMethod method) {
		if (!method.usesClientCertificate()) {
			throw new IllegalArgumentException(method.value() + " does not use a TLS client certificate");
		}
		this.method = method;
	}

	@Override
	public ClientAuthenticationMethod method() {
		return method;
	}

	@Override
	public String toString() {
		return method.value();
	}
}
