package io.github.oauthclient.benchmarks.support;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpResponse;

/**
 * The end of the interceptor chain without a network: it "sends" the request by reading the
 * {@code Authorization} header an interceptor attached (as a real request factory would, to write it on the
 * wire), remembers it for the caller to check or consume, and takes it off the reused request so the next call
 * starts clean. Answers {@link OkResponse#INSTANCE}. Looking up and removing by the lower-case name allocates
 * nothing, so the execution adds the same small constant cost to every contender.
 */
public final class NoOpExecution implements ClientHttpRequestExecution {

	private static final String AUTHORIZATION = "authorization";

	private String lastAuthorization;

	@Override
	public ClientHttpResponse execute(HttpRequest request, byte[] body) {
		this.lastAuthorization = request.getHeaders().getFirst(AUTHORIZATION);
		request.getHeaders().remove(AUTHORIZATION);
		return OkResponse.INSTANCE;
	}

	/**
	 * The {@code Authorization} header value of the last request sent through this execution, or {@code null} when
	 * it carried none.
	 */
	public String lastAuthorization() {
		return this.lastAuthorization;
	}

}
