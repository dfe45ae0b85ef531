package io.github.oauthclient.autoconfigure;

import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.oauthclient.observation.ObservationTokenRequestObserver;
import io.github.oauthclient.observation.TokenCacheMeterBinder;
import io.github.oauthclient.observation.TokenRequestObservationConvention;
import io.github.oauthclient.token.TokenRequestObserver;

/**
 * Auto-configuration of the starter's Micrometer instrumentation, active when Micrometer is on the class path:
 * <ul>
 * <li>an {@link ObservationTokenRequestObserver} (when there is an {@link ObservationRegistry} bean, as with
 * {@code spring-boot-starter-actuator}) that runs every token request in an {@code oauth.client.token.request}
 * observation, tagged with registration, kind and outcome (a convention bean of type
 * {@link TokenRequestObservationConvention} replaces the default names and tags);</li>
 * <li>a {@link TokenCacheMeterBinder} (when {@code micrometer-core} is present) publishing cache hits,
 * invalidations after 401 and retries as function counters read only at publication time.</li>
 * </ul>
 * Each bean backs off when the application defines its own.
 */
@AutoConfiguration(after = OAuthClientAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass(ObservationRegistry.class)
@ConditionalOnBean(OAuthClientRegistry.class)
public final class OAuthClientObservationAutoConfiguration {

	@Bean
	@ConditionalOnBean(ObservationRegistry.class)
	@ConditionalOnMissingBean(TokenRequestObserver.class)
	ObservationTokenRequestObserver oauthClientTokenRequestObserver(ObservationRegistry observationRegistry,
			ObjectProvider<TokenRequestObservationConvention> convention) {
		return new ObservationTokenRequestObserver(observationRegistry, convention.getIfUnique());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterBinder.class)
	static class MetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		TokenCacheMeterBinder oauthClientTokenCacheMeterBinder(OAuthClientRegistry registry) {
			return new TokenCacheMeterBinder(TokenCaches.of(registry));
		}

	}

}
