package io.github.oauthclient.benchmarks.support;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpResponse;

/**
 * The end of the interceptor chain without a network: it "sends" the request by reading the
 * {@code Authorization} header an interceptor attached (as a real request factory reads it to write it on the
 * wire), remembers it for the caller to check, and answers {@link OkResponse#INSTANCE}. Looking the header up by
 * its lower-case name allocates nothing, so the execution adds the same tiny constant cost to every contender.
 *
 * <p>The header stays on the request: a benchmark thread reuses one request, and each interceptor replaces the
 * previous call's value (every contender is checked to do so before measuring), which keeps the header map's
 * own insertion cost out of the numbers, as in the floor figures of issue 6.
 */
public final class NoOpExecution implements ClientHttpRequestExecution {

	private static final String AUTHORIZATION = "authorization";

	private String lastAuthorization;

	@Override
	public ClientHttpResponse execute(HttpRequest request, byte[] body) {
		this.lastAuthorization = request.getHeaders().getFirst(AUTHORIZATION);
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
