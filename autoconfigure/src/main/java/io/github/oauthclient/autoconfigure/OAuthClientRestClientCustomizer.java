package io.github.oauthclient.autoconfigure;

import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.web.client.RestClient;

import io.github.oauthclient.http.OAuthClientHttpRequestInterceptor;

/**
 * Adds the {@link OAuthClientHttpRequestInterceptor} to every RestClient built from Boot's {@code RestClient.Builder},
 * once.
 */
public class OAuthClientRestClientCustomizer implements RestClientCustomizer {

	private final OAuthClientHttpRequestInterceptor interceptor;

	/**
	 * Creates the customizer.
	 * @param interceptor the interceptor to add
	 */
	public OAuthClientRestClientCustomizer(OAuthClientHttpRequestInterceptor interceptor) {
		this.interceptor = interceptor;
	}

	@Override
	public void customize(RestClient.Builder restClientBuilder) {
		restClientBuilder.requestInterceptors((interceptors) -> {
			if (!interceptors.contains(this.interceptor)) {
				interceptors.add(this.interceptor);
			}
		});
	}

}
