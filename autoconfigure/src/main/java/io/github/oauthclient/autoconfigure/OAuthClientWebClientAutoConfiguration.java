package io.github.oauthclient.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.client.WebClient;

import io.github.oauthclient.reactive.OAuthClientExchangeFilterFunction;

/**
 * Auto-configuration that attaches tokens to every WebClient built from Boot's {@code WebClient.Builder} (when
 * spring-webflux and spring-boot-webclient are on the class path): the {@link OAuthClientExchangeFilterFunction} over
 * the routes of the {@link OAuthClientRegistry} (the same token caches as the RestTemplate and RestClient path), and
 * a {@link WebClientCustomizer} that adds it. Each bean backs off when the application defines its own.
 */
@AutoConfiguration(after = OAuthClientAutoConfiguration.class,
		beforeName = "org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration")
@ConditionalOnClass({ WebClient.class, WebClientCustomizer.class })
@ConditionalOnBean(OAuthClientRegistry.class)
public final class OAuthClientWebClientAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	OAuthClientExchangeFilterFunction oauthClientExchangeFilterFunction(OAuthClientRegistry registry) {
		return new OAuthClientExchangeFilterFunction(registry.interceptor().routes());
	}

	@Bean
	@ConditionalOnMissingBean
	OAuthClientWebClientCustomizer oauthClientWebClientCustomizer(OAuthClientExchangeFilterFunction filter) {
		return new OAuthClientWebClientCustomizer(filter);
	}

}
