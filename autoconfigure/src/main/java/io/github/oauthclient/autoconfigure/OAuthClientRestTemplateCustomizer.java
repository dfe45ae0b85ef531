package io.github.oauthclient.autoconfigure;

import java.util.List;

import org.springframework.boot.restclient.RestTemplateCustomizer;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.web.client.RestTemplate;

import io.github.oauthclient.http.OAuthClientHttpRequestInterceptor;

/**
 * Adds the {@link OAuthClientHttpRequestInterceptor} to every RestTemplate built from Boot's
 * {@code RestTemplateBuilder}, once.
 */
public class OAuthClientRestTemplateCustomizer implements RestTemplateCustomizer {

	private final OAuthClientHttpRequestInterceptor interceptor;

	/**
	 * Creates the customizer.
	 * @param interceptor the interceptor to add
	 */
	public OAuthClientRestTemplateCustomizer(OAuthClientHttpRequestInterceptor interceptor) {
		this.interceptor = interceptor;
	}

	@Override
	public void customize(RestTemplate restTemplate) {
		List<ClientHttpRequestInterceptor> interceptors = restTemplate.getInterceptors();
		if (!interceptors.contains(this.interceptor)) {
			interceptors.add(this.interceptor);
		}
	}

}
