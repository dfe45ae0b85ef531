package io.github.oauthclient.benchmarks.contenders;

import org.springframework.http.client.ClientHttpRequestInterceptor;

/**
 * One way of authenticating outgoing calls, measured side by side with the others: the interceptor it puts in
 * front of a request, and whatever it started to get there (an application context, a token cache), closed
 * together when the measurement is done. Each contender starts with an empty token cache.
 */
public interface Contender extends AutoCloseable {

	/** A short, stable name for result tables: {@code floor}, {@code ours}, {@code springSecurity}. */
	String name();

	/** The interceptor to put in front of each call. */
	ClientHttpRequestInterceptor interceptor();

	@Override
	default void close() {
	}

}
