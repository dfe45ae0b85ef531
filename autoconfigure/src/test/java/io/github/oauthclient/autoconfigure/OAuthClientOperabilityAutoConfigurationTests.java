package io.github.oauthclient.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestTemplateAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.oauthclient.observation.ObservationTokenRequestObserver;
import io.github.oauthclient.observation.TokenCacheMeterBinder;
import io.github.oauthclient.testsupport.FaultInjectingTokenEndpoint;
import io.github.oauthclient.token.TokenRequestObserver;

/**
 * Conditions and back-off of the operability auto-configurations: observation, meter binder, health contributor and
 * redirect protection appear only with their libraries and an OAuth client, back off for application beans and
 * properties, and an application's {@link TokenRequestObserver} really wraps the token requests.
 */
class OAuthClientOperabilityAutoConfigurationTests {

	private final FaultInjectingTokenEndpoint endpoint = FaultInjectingTokenEndpoint.start();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(OAuthClientAutoConfiguration.class,
				OAuthClientRestClientAutoConfiguration.class, OAuthClientObservationAutoConfiguration.class,
				OAuthClientHealthAutoConfiguration.class, OAuthClientRedirectProtectionAutoConfiguration.class,
				ObservationAutoConfiguration.class, HttpClientAutoConfiguration.class,
				ImperativeHttpClientAutoConfiguration.class, RestClientAutoConfiguration.class,
				RestTemplateAutoConfiguration.class))
		.withPropertyValues("oauth.client.token-uri=" + endpoint.tokenUri(), "oauth.client.client-id=orders",
				"oauth.client.client-secret=secret", "oauth.client.resource-urls=http://127.0.0.1:1/api");

	@AfterEach
	void stop() {
		endpoint.close();
	}

	@Test
	void everythingIsThereWithTheLibraries() {
		this.runner.run((context) -> assertThat(context).hasNotFailed()
			.hasSingleBean(ObservationTokenRequestObserver.class)
			.hasSingleBean(TokenCacheMeterBinder.class)
			.hasBean("oauthClientHealthContributor")
			.hasBean("oauthClientRedirectRefusingRestClientCustomizer")
			.hasBean("oauthClientRedirectRefusingRestTemplateCustomizer"));
	}

	@Test
	void nothingWithoutAnOAuthClient() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(OAuthClientAutoConfiguration.class,
				OAuthClientRestClientAutoConfiguration.class, OAuthClientObservationAutoConfiguration.class,
				OAuthClientHealthAutoConfiguration.class, OAuthClientRedirectProtectionAutoConfiguration.class,
				ObservationAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(TokenRequestObserver.class)
				.doesNotHaveBean(MeterBinder.class)
				.doesNotHaveBean("oauthClientHealthContributor")
				.doesNotHaveBean("oauthClientRedirectRefusingRestClientCustomizer"));
	}

	@Test
	void healthCanBeSwitchedOffAndNeedsSpringBootHealth() {
		this.runner.withPropertyValues("management.health.oauthClient.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean("oauthClientHealthContributor"));
		this.runner.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean("oauthClientHealthContributor"));
	}

	@Test
	void withoutMicrometerTheClientWorksUnobserved() {
		this.runner.withClassLoader(new FilteredClassLoader(ObservationRegistry.class, MeterBinder.class))
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(TokenRequestObserver.class);
				assertThat(context.getBean(OAuthClientRegistry.class).tokenProvider("default").token().accessToken())
					.isEqualTo("token-1");
			});
	}

	@Test
	void anApplicationObserverReplacesTheStartersAndWrapsEveryRequest() {
		this.runner.withUserConfiguration(RecordingObserverConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(ObservationTokenRequestObserver.class);
			context.getBean(OAuthClientRegistry.class).tokenProvider("default").token();
			assertThat(context.getBean(RecordingObserverConfiguration.class).seen).containsExactly("default:cold_fetch");
		});
	}

	@Test
	void redirectProtectionIsInactiveWhenRedirectsAreNotFollowedAnyway() {
		this.runner.withPropertyValues("spring.http.clients.redirects=dont-follow")
			.run((context) -> assertThat(context.getBean(OAuthClientRedirectProtectionAutoConfiguration.class)
				.clients().needed()).isFalse());
		this.runner.run((context) -> assertThat(context.getBean(OAuthClientRedirectProtectionAutoConfiguration.class)
			.clients().needed()).isTrue());
	}

	@Configuration(proxyBeanMethods = false)
	static class RecordingObserverConfiguration {

		final List<String> seen = new ArrayList<>();

		@Bean
		TokenRequestObserver recordingObserver() {
			return (registration, kind, request) -> {
				seen.add(registration + ":" + kind.value());
				return request.token();
			};
		}
	}
}
