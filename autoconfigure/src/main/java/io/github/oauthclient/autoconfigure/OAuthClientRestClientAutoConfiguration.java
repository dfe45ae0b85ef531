package io.github.oauthclient.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.restclient.RestTemplateCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.oauthclient.http.OAuthClientHttpRequestInterceptor;

/**
 * Auto-configuration that attaches tokens to every RestTemplate and RestClient built from Boot's builders: the
 * {@link OAuthClientHttpRequestInterceptor} of the {@link OAuthClientRegistry}, and a {@link RestTemplateCustomizer}
 * and a {@link RestClientCustomizer} that add it. Each bean backs off when the application defines its own.
 */
@AutoConfiguration(after = OAuthClientAutoConfiguration.class,
		beforeName = { "org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration",
				"org.springframework.boot.restclient.autoconfigure.RestTemplateAutoConfiguration" })
@ConditionalOnBean(OAuthClientRegistry.class)
public final class OAuthClientRestClientAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	OAuthClientHttpRequestInterceptor oauthClientHttpRequestInterceptor(OAuthClientRegistry registry) {
		return registry.interceptor();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RestTemplateCustomizer.class)
	static class RestTemplateConfiguration {

		@Bean
		@ConditionalOnMissingBean
		OAuthClientRestTemplateCustomizer oauthClientRestTemplateCustomizer(
				OAuthClientHttpRequestInterceptor interceptor) {
			return new OAuthClientRestTemplateCustomizer(interceptor);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RestClientCustomizer.class)
	static class RestClientConfiguration {

		@Bean
		@ConditionalOnMissingBean
		OAuthClientRestClientCustomizer oauthClientRestClientCustomizer(
				OAuthClientHttpRequestInterceptor interceptor) {
			return new OAuthClientRestClientCustomizer(interceptor);
		}

	}

}
