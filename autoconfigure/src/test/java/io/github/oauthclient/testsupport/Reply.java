package io.github.oauthclient.testsupport;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One scripted answer of the {@link FaultInjectingTokenEndpoint}: a status, headers and a body, optionally after a
 * delay, or a dropped connection instead of an answer. Exists so that tests can say what a misbehaving
 * authorization server does in one line ({@code Reply.json(503, "...").withHeader("Retry-After", "1")}).
 *
 * @param status the HTTP status code
 * @param headers response headers (Content-Type included)
 * @param body the response body, sent as UTF-8
 * @param delay how long the endpoint waits before it answers (or drops the connection)
 * @param dropConnection whether the endpoint closes the connection without sending any response
 */
public record Reply(int status, Map<String, String> headers, String body, Duration delay, boolean dropConnection)
		implements Responder {

	public Reply {
		headers = Map.copyOf(new LinkedHashMap<>(headers));
	}

	/** A successful Bearer token response with the given access token and {@code expires_in}. */
	public static Reply token(String accessToken, long expiresInSeconds) {
		return json(200, "{\"access_token\":\"" + accessToken + "\",\"token_type\":\"Bearer\",\"expires_in\":"
				+ expiresInSeconds + "}");
	}

	/** A successful Bearer token response without {@code expires_in}. */
	public static Reply tokenWithoutExpiry(String accessToken) {
		return json(200, "{\"access_token\":\"" + accessToken + "\",\"token_type\":\"Bearer\"}");
	}

	/** An OAuth 2.0 error response (RFC 6749 section 5.2) with the given status. */
	public static Reply error(int status, String error, String description) {
		return json(status, "{\"error\":\"" + error + "\",\"error_description\":\"" + description + "\"}");
	}

	/** A JSON body with the given status. */
	public static Reply json(int status, String json) {
		return of(status, "application/json;charset=UTF-8", json);
	}

	/** Any body with the given status and content type. */
	public static Reply of(int status, String contentType, String body) {
		return new Reply(status, Map.of("Content-Type", contentType), body, Duration.ZERO, false);
	}

	/** The connection is closed without a response: the client sees an I/O error. */
	public static Reply droppedConnection() {
		return new Reply(0, Map.of(), "", Duration.ZERO, true);
	}

	/** The same reply, sent after {@code delay}. */
	public Reply withDelay(Duration delay) {
		return new Reply(status, headers, body, delay, dropConnection);
	}

	/** The same reply with one more header. */
	public Reply withHeader(String name, String value) {
		Map<String, String> more = new LinkedHashMap<>(headers);
		more.put(name, value);
		return new Reply(status, more, body, delay, dropConnection);
	}

	@Override
	public Reply reply(RecordedRequest request, int sequence) {
		return this;
	}
}
