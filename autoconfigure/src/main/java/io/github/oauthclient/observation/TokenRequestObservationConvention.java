package io.github.oauthclient.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the token request observation. Define a bean of this type to change them; the default is
 * {@link DefaultTokenRequestObservationConvention}.
 */
public interface TokenRequestObservationConvention extends ObservationConvention<TokenRequestObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof TokenRequestObservationContext;
	}
}
