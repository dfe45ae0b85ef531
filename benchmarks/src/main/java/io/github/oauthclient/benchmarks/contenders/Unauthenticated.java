package io.github.oauthclient.benchmarks.contenders;

import org.springframework.http.client.ClientHttpRequestInterceptor;

/** The baseline: calls that carry no credentials at all, through an interceptor that only passes them on. */
public final class Unauthenticated implements Contender {

	private static final ClientHttpRequestInterceptor PASS_THROUGH = (request, body, execution) -> execution
		.execute(request, body);

	@Override
	public String name() {
		return "unauthenticated";
	}

	@Override
	public ClientHttpRequestInterceptor interceptor() {
		return PASS_THROUGH;
	}

}
