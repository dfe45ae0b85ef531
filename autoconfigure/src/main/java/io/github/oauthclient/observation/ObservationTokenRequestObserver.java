package io.github.oauthclient.observation;

import java.util.Objects;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

import io.github.oauthclient.core.OAuth2Token;
import io.github.oauthclient.token.TokenProvider;
import io.github.oauthclient.token.TokenRequestKind;
import io.github.oauthclient.token.TokenRequestObserver;

/**
 * Runs every token request of the cache inside a Micrometer {@link Observation} ({@value
 * DefaultTokenRequestObservationConvention#NAME}), which becomes a timer with Boot's metrics and a span with tracing.
 *
 * <p>Exists so that the token layer stays free of Micrometer: the cache hands each request to a
 * {@link TokenRequestObserver}, this one observes it. One observation spans the whole request including its retries.
 */
public final class ObservationTokenRequestObserver implements TokenRequestObserver {

	private static final TokenRequestObservationConvention DEFAULT_CONVENTION =
			new DefaultTokenRequestObservationConvention();

	private final ObservationRegistry registry;

	private final TokenRequestObservationConvention customConvention;

	/**
	 * Observes into {@code registry}.
	 *
	 * @param registry where observations go
	 * @param customConvention a convention replacing the default one, or {@code null}
	 */
	public ObservationTokenRequestObserver(ObservationRegistry registry,
			TokenRequestObservationConvention customConvention) {
		this.registry = Objects.requireNonNull(registry, "registry");
		this.customConvention = customConvention;
	}

	@Override
	public OAuth2Token observe(String registrationId, TokenRequestKind kind, TokenProvider request) {
		return Observation.createNotStarted(customConvention, DEFAULT_CONVENTION,
				() -> new TokenRequestObservationContext(registrationId, kind), registry)
			.observe(request::token);
	}

	@Override
	public String toString() {
		return "ObservationTokenRequestObserver[" + registry + "]";
	}
}
