package io.github.oauthclient.benchmarks.support;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRequest;

/**
 * The smallest mutable {@link HttpRequest} an interceptor can work on: what a {@code RestClient} hands its
 * interceptors, without a connection behind it. One instance per benchmark thread is reused for every call, each
 * interceptor replacing the {@code Authorization} value the previous call left (see {@link NoOpExecution}).
 */
public final class BenchRequest implements HttpRequest {

	/** The resource URL the contenders are configured with: requests under it get a token. */
	public static final URI RESOURCE_URL = URI.create("http://127.0.0.1:8080/api/");

	/** The URI of every benchmark request, under {@link #RESOURCE_URL}; nothing listens there. */
	public static final URI REQUEST_URI = RESOURCE_URL.resolve("orders/42");

	private final HttpMethod method;

	private final URI uri;

	private final HttpHeaders headers = new HttpHeaders();

	private final Map<String, Object> attributes = new HashMap<>();

	public BenchRequest(HttpMethod method, URI uri) {
		this.method = method;
		this.uri = uri;
	}

	/** A new {@code GET} of {@link #REQUEST_URI}. */
	public static BenchRequest toResource() {
		return new BenchRequest(HttpMethod.GET, REQUEST_URI);
	}

	@Override
	public HttpMethod getMethod() {
		return this.method;
	}

	@Override
	public URI getURI() {
		return this.uri;
	}

	@Override
	public HttpHeaders getHeaders() {
		return this.headers;
	}

	@Override
	public Map<String, Object> getAttributes() {
		return this.attributes;
	}

}
