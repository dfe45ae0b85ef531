package io.github.oauthclient.benchmarks.contenders;

import java.io.IOException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * The physical floor of authenticating a call: set one constant, precomputed {@code Authorization} header and
 * pass the request on. No token cache, no URL check, no expiry check; nothing can be cheaper and still send a
 * token, so every other contender is reported as a multiple of this one.
 */
public final class FloorInterceptor implements ClientHttpRequestInterceptor, Contender {

	private final String authorization;

	/** @param accessToken the token every request carries, as {@code Bearer <accessToken>} */
	public FloorInterceptor(String accessToken) {
		this.authorization = "Bearer " + accessToken;
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		request.getHeaders().set(HttpHeaders.AUTHORIZATION, this.authorization);
		return execution.execute(request, body);
	}

	@Override
	public String name() {
		return "floor";
	}

	@Override
	public ClientHttpRequestInterceptor interceptor() {
		return this;
	}

}
