package io.github.oauthclient.benchmarks.support;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpResponse;

/**
 * A constant, empty {@code 200 OK}: the answer of the {@link NoOpExecution}. Stateless, so one shared instance
 * serves every thread and allocates nothing per call.
 */
public final class OkResponse implements ClientHttpResponse {

	/** The shared instance. */
	public static final OkResponse INSTANCE = new OkResponse();

	private static final byte[] EMPTY = new byte[0];

	private final HttpHeaders headers = HttpHeaders.readOnlyHttpHeaders(new HttpHeaders());

	private OkResponse() {
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
	public HttpHeaders getHeaders() {
		return this.headers;
	}

	@Override
	public InputStream getBody() {
		return new ByteArrayInputStream(EMPTY);
	}

	@Override
	public void close() {
	}

}
