package io.github.oauthclient.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.restclient.RestTemplateCustomizer;
import org.springframework.context.annotation.Bean;

import io.github.oauthclient.http.OAuthClientHttpRequestInterceptor;
import io.github.oauthclient.http.RedirectRefusingRequestFactory;

/**
 * Auto-configuration that keeps access tokens from following redirects: Boot-built RestClient and RestTemplate
 * instances get a {@link RedirectRefusingRequestFactory}, so a request that carries a token is sent by a client that
 * does not follow redirects (the JDK client, Boot's default, would re-send the {@code Authorization} header to the
 * origin a resource redirects to). Requests without a token keep {@code spring.http.clients.redirects}. Nothing
 * changes when that property is already {@code dont-follow}. Each bean backs off when the application defines one
 * by the same name.
 */
@AutoConfiguration(after = OAuthClientRestClientAutoConfiguration.class,
		beforeName = { "org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration",
				"org.springframework.boot.restclient.autoconfigure.RestTemplateAutoConfiguration" })
@ConditionalOnClass({ RestClientCustomizer.class, ClientHttpRequestFactoryBuilder.class })
@ConditionalOnBean(OAuthClientHttpRequestInterceptor.class)
public final class OAuthClientRedirectProtectionAutoConfiguration {

	private final RedirectRefusingClients clients;

	OAuthClientRedirectProtectionAutoConfiguration(OAuthClientHttpRequestInterceptor interceptor,
			ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilder,
			ObjectProvider<HttpClientSettings> httpClientSettings) {
		this.clients = new RedirectRefusingClients(interceptor,
				requestFactoryBuilder.getIfAvailable(ClientHttpRequestFactoryBuilder::detect),
				httpClientSettings.getIfAvailable(HttpClientSettings::defaults));
	}

	/** The shared factories and customizers. */
	RedirectRefusingClients clients() {
		return this.clients;
	}

	@Bean
	@ConditionalOnMissingBean(name = "oauthClientRedirectRefusingRestClientCustomizer")
	RestClientCustomizer oauthClientRedirectRefusingRestClientCustomizer() {
		return this.clients.restClientCustomizer();
	}

	@Bean
	@ConditionalOnMissingBean(name = "oauthClientRedirectRefusingRestTemplateCustomizer")
	RestTemplateCustomizer oauthClientRedirectRefusingRestTemplateCustomizer() {
		return this.clients.restTemplateCustomizer();
	}

}
