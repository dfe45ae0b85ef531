package io.github.oauthclient.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

import io.github.oauthclient.core.OAuth2Token;
import io.github.oauthclient.token.TokenProvider;

/**
 * The hot path (cached token, header placement, routing among several registrations) allocates nothing beyond what
 * a floor interceptor setting a constant header allocates (Spring's {@code HttpHeaders.set}). Bytes, not time: the
 * JMH benchmarks measure speed.
 */
class InterceptorHotPathAllocationTests {

	private static final int WARM_UP = 200_000;

	private static final int CALLS = 1_000_000;

	@Test
	void theHotPathAllocatesNoMoreThanAConstantHeader() throws IOException {
		OAuth2Token token = OAuth2Token.of(Map.of("access_token", "eyJhbGciOi.payload.signature",
				"token_type", "Bearer"));
		TokenProvider cached = () -> token;
		OAuthClientHttpRequestInterceptor interceptor = new OAuthClientHttpRequestInterceptor(List.of(
				route("billing", cached, "https://billing.example.com/v2"),
				route("inventory", cached, "https://inventory.example.com/api"),
				route("orders", cached, "https://api.example.com/orders")));
		ClientHttpRequestInterceptor floor = (request, body, execution) -> {
			request.getHeaders().set(HttpHeaders.AUTHORIZATION, "Bearer eyJhbGciOi.payload.signature");
			return execution.execute(request, body);
		};
		Request request = new Request(URI.create("https://api.example.com/orders/42?expand=lines"));
		long floorBytes = allocatedBy(floor, request);
		long ourBytes = allocatedBy(interceptor, request);
		assertThat(request.headers.getFirst(HttpHeaders.AUTHORIZATION))
			.isEqualTo("Bearer eyJhbGciOi.payload.signature");
		System.out.println("[measured] " + CALLS + " calls: floor " + floorBytes + " bytes, interceptor " + ourBytes
				+ " bytes");
		// one extra allocation per call would be at least 16 bytes per call, 16 MB here
		assertThat(ourBytes - floorBytes).as("bytes allocated beyond the floor by %d calls", CALLS)
			.isLessThan(CALLS);
	}

	private static long allocatedBy(ClientHttpRequestInterceptor interceptor, Request request) throws IOException {
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory
			.getThreadMXBean();
		long thread = Thread.currentThread().getId();
		byte[] body = new byte[0];
		for (int i = 0; i < WARM_UP; i++) {
			interceptor.intercept(request, body, OkExecution.INSTANCE);
		}
		threads.getThreadAllocatedBytes(thread);
		long before = threads.getThreadAllocatedBytes(thread);
		for (int i = 0; i < CALLS; i++) {
			interceptor.intercept(request, body, OkExecution.INSTANCE);
		}
		return threads.getThreadAllocatedBytes(thread) - before;
	}

	private static TokenRoute route(String name, TokenProvider tokens, String url) {
		return TokenRoute.builder(name, tokens).resourceUrls(List.of(ResourceUrl.parse(url))).build();
	}

	/** A request with fixed URI and headers. */
	private static final class Request implements HttpRequest {

		final URI uri;

		final HttpHeaders headers = new HttpHeaders();

		final Map<String, Object> attributes = new java.util.HashMap<>();

		Request(URI uri) {
			this.uri = uri;
		}

		@Override
		public HttpMethod getMethod() {
			return HttpMethod.GET;
		}

		@Override
		public URI getURI() {
			return this.uri;
		}

		@Override
		public Map<String, Object> getAttributes() {
			return this.attributes;
		}

		@Override
		public HttpHeaders getHeaders() {
			return this.headers;
		}

	}

	/** Answers 200 with one shared response. */
	private enum OkExecution implements ClientHttpRequestExecution, ClientHttpResponse {

		INSTANCE;

		private static final HttpHeaders NO_HEADERS = HttpHeaders.readOnlyHttpHeaders(new HttpHeaders());

		@Override
		public ClientHttpResponse execute(HttpRequest request, byte[] body) {
			return this;
		}

		@Override
		public HttpStatusCode getStatusCode() {
			return HttpStatus.OK;
		}

		@Override
		public String getStatusText() {
			return "OK";
		}

		@Override
		public void close() {
		}

		@Override
		public InputStream getBody() {
			return InputStream.nullInputStream();
		}

		@Override
		public HttpHeaders getHeaders() {
			return NO_HEADERS;
		}

	}

}
