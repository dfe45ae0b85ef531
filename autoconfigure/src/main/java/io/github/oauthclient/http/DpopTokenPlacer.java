package io.github.oauthclient.http;

import java.io.IOException;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpResponse;

import io.github.oauthclient.core.OAuth2Token;
import io.github.oauthclient.token.DpopProofs;

/**
 * A DPoP-bound token on a resource request (RFC 9449 section 7): {@code Authorization: DPoP <token>} and a new
 * {@code DPoP} proof for this method and URL with the token's hash ({@code ath}). When the resource answers 401 with
 * {@code error="use_dpop_nonce"} and a {@code DPoP-Nonce}, the request is signed again with that nonce and sent once
 * more (section 9); nonces a resource sends are kept for its next requests.
 *
 * <p>Unlike bearer placement this signs one JWT per request; that is what DPoP costs.
 */
final class DpopTokenPlacer implements TokenPlacer {

	private static final int UNAUTHORIZED = 401;

	private final String registrationId;

	private final DpopProofs proofs;

	DpopTokenPlacer(String registrationId, DpopProofs proofs) {
		this.registrationId = registrationId;
		this.proofs = proofs;
	}

	@Override
	public ClientHttpResponse execute(HttpRequest request, byte[] body, OAuth2Token token,
			ClientHttpRequestExecution execution) throws IOException {
		String type = token.tokenType();
		if (type != null && !type.equalsIgnoreCase("DPoP")) {
			throw new IllegalStateException("OAuth client registration '" + registrationId + "' uses DPoP, but the "
					+ "authorization server issued a token of type '" + type + "' (it did not bind the token)");
		}
		ClientHttpResponse response = send(request, body, token, execution);
		String nonce = response.getHeaders().getFirst(DpopProofs.NONCE_HEADER);
		proofs.nonce(request.getURI(), nonce);
		if (nonce == null || response.getStatusCode().value() != UNAUTHORIZED || !wantsNonce(response)) {
			return response;
		}
		response.close();
		return send(request, body, token, execution);
	}

	private ClientHttpResponse send(HttpRequest request, byte[] body, OAuth2Token token,
			ClientHttpRequestExecution execution) throws IOException {
		HttpHeaders headers = request.getHeaders();
		headers.set(HttpHeaders.AUTHORIZATION, "DPoP " + token.accessToken());
		headers.set(DpopProofs.DPOP_HEADER, proofs.proof(request.getMethod().name(), request.getURI(),
				token.accessToken()));
		return execution.execute(request, body);
	}

	private static boolean wantsNonce(ClientHttpResponse response) {
		List<String> challenges = response.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE);
		return challenges != null && challenges.stream().anyMatch((c) -> c.contains(DpopProofs.USE_DPOP_NONCE));
	}

	@Override
	public String toString() {
		return "DpopTokenPlacer[" + registrationId + "]";
	}
}
