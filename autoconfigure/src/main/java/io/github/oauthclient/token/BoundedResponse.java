package io.github.oauthclient.token;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;

/**
 * An HTTP response read with a size limit: status, headers and at most {@code maxBytes} of body.
 *
 * <p>Exists so that a misbehaving server (or a proxy's error page) cannot make the client buffer a 100 MB body, and
 * so that the token and discovery exchanges read responses the same way, error statuses included. Its
 * {@link #toString()} and {@link #describe()} never show the body, which may hold a token.
 *
 * @param status the HTTP status code
 * @param headers the response headers
 * @param body the body decoded with the response's charset (UTF-8 if none), or {@code ""} when too large
 * @param bytes how many body bytes were read (at most {@code maxBytes + 1})
 * @param tooLarge whether the body exceeded {@code maxBytes}
 */
record BoundedResponse(int status, HttpHeaders headers, String body, int bytes, boolean tooLarge) {

	/** Reads {@code response}, keeping at most {@code maxBytes} of its body. */
	static BoundedResponse read(ClientHttpResponse response, int maxBytes) throws IOException {
		int status = response.getStatusCode().value();
		HttpHeaders headers = HttpHeaders.readOnlyHttpHeaders(response.getHeaders());
		byte[] bytes;
		try (InputStream in = response.getBody()) {
			bytes = in.readNBytes(maxBytes + 1);
		}
		boolean tooLarge = bytes.length > maxBytes;
		String body = tooLarge ? "" : new String(bytes, charset(headers));
		return new BoundedResponse(status, headers, body, bytes.length, tooLarge);
	}

	/** Whether the status is 2xx. */
	boolean isSuccessful() {
		return status >= 200 && status < 300;
	}

	/** Content type and size, for messages: {@code "text/html, 1234 bytes"}. */
	String describe() {
		MediaType contentType = contentType();
		return ((contentType != null) ? contentType.toString() : "no content type") + ", "
				+ (tooLarge ? "more than " + (bytes - 1) : String.valueOf(bytes)) + " bytes";
	}

	/** The content type, or {@code null} when missing or unparseable. */
	MediaType contentType() {
		try {
			return headers.getContentType();
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static Charset charset(HttpHeaders headers) {
		try {
			MediaType contentType = headers.getContentType();
			Charset charset = (contentType != null) ? contentType.getCharset() : null;
			return (charset != null) ? charset : StandardCharsets.UTF_8;
		}
		catch (IllegalArgumentException ex) {
			return StandardCharsets.UTF_8;
		}
	}

	@Override
	public String toString() {
		return "BoundedResponse[status=" + status + ", " + describe() + "]";
	}
}
