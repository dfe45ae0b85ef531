package io.github.oauthclient.autoconfigure;

import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.web.reactive.function.client.WebClient;

import io.github.oauthclient.reactive.OAuthClientExchangeFilterFunction;

/**
 * Adds the {@link OAuthClientExchangeFilterFunction} to every WebClient built from Boot's {@code WebClient.Builder},
 * once.
 */
public class OAuthClientWebClientCustomizer implements WebClientCustomizer {

	private final OAuthClientExchangeFilterFunction filter;

	/**
	 * Creates the customizer.
	 * @param filter the filter to add
	 */
	public OAuthClientWebClientCustomizer(OAuthClientExchangeFilterFunction filter) {
		this.filter = filter;
	}

	@Override
	public void customize(WebClient.Builder webClientBuilder) {
		webClientBuilder.filters((filters) -> {
			if (!filters.contains(this.filter)) {
				filters.add(this.filter);
			}
		});
	}

}
