package io.github.oauthclient.testsupport;

import java.time.Duration;

/**
 * Decides how the {@link FaultInjectingTokenEndpoint} answers one request. Exists for answers that depend on the
 * request or on how many came before (a new token per request), where a fixed {@link Reply} is not enough.
 */
@FunctionalInterface
public interface Responder {

	/**
	 * The answer to one request.
	 *
	 * @param request what the client sent
	 * @param sequence 1 for the first request the endpoint received on this path, 2 for the second, ...
	 */
	Reply reply(RecordedRequest request, int sequence);

	/** Issues {@code token-1}, {@code token-2}, ... (one new token per request) with the given lifetime. */
	static Responder issuingTokens(long expiresInSeconds) {
		return (request, sequence) -> Reply.token("token-" + sequence, expiresInSeconds);
	}

	/** The same answers as this responder, each sent after {@code delay}. */
	default Responder delayedBy(Duration delay) {
		return (request, sequence) -> reply(request, sequence).withDelay(delay);
	}
}
