package io.github.oauthclient.observation;

import io.micrometer.common.KeyValues;

import io.github.oauthclient.token.TokenRequestOutcome;

/**
 * The default names and tags of the token request observation: {@value #NAME}, tagged with {@code registration},
 * {@code kind} ({@code cold_fetch}, {@code renewal}, {@code retry_after_401}) and {@code outcome} ({@code success},
 * a standard OAuth {@code error} code, {@code io_error}, {@code invalid_response} or {@code other_error}). Every tag
 * has a small, fixed set of values (registrations are configuration), so the metric stays low-cardinality; no URI,
 * token or description is ever a tag.
 */
public class DefaultTokenRequestObservationConvention implements TokenRequestObservationConvention {

	/** The observation name; the timer Micrometer derives from it is {@code oauth.client.token.request}. */
	public static final String NAME = "oauth.client.token.request";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(TokenRequestObservationContext context) {
		return "oauth token request " + context.registrationId();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(TokenRequestObservationContext context) {
		return KeyValues.of("registration", context.registrationId(), "kind", context.kind().value(), "outcome",
				TokenRequestOutcome.of(context.getError()));
	}
}
