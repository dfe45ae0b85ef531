package io.github.oauthclient.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;

import io.github.oauthclient.reactive.OAuthClientExchangeFilterFunction;

/**
 * Conditions, beans and back-off of {@link OAuthClientWebClientAutoConfiguration} and
 * {@link OAuthClientHttpServiceGroupAutoConfiguration}.
 */
class OAuthClientWebClientAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(OAuthClientAutoConfiguration.class,
				OAuthClientWebClientAutoConfiguration.class, OAuthClientHttpServiceGroupAutoConfiguration.class,
				HttpClientAutoConfiguration.class, ImperativeHttpClientAutoConfiguration.class,
				WebClientAutoConfiguration.class));

	@Test
	void everyBootBuiltWebClientGetsTheFilterOnce() {
		this.runner.withPropertyValues(OAuthClientAutoConfigurationTests.MINIMAL).run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(OAuthClientExchangeFilterFunction.class)
				.hasSingleBean(OAuthClientWebClientCustomizer.class)
				.hasSingleBean(OAuthClientWebClientHttpServiceGroupConfigurer.class);
			OAuthClientExchangeFilterFunction filter = context.getBean(OAuthClientExchangeFilterFunction.class);
			assertThat(filter.routes()).singleElement()
				.satisfies((route) -> assertThat(route.registrationId()).isEqualTo("default"));
			WebClient.Builder builder = context.getBean(WebClient.Builder.class);
			context.getBean(OAuthClientWebClientCustomizer.class).customize(builder);
			assertThat(filters(builder)).containsOnlyOnce(filter);
		});
	}

	@Test
	void withoutOauthClientPropertiesWebClientsAreUntouched() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed()
				.doesNotHaveBean(OAuthClientExchangeFilterFunction.class)
				.doesNotHaveBean(OAuthClientWebClientCustomizer.class);
			assertThat(filters(context.getBean(WebClient.Builder.class))).isEmpty();
		});
	}

	@Test
	void withoutWebFluxNothingReactiveIsCreated() {
		this.runner.withPropertyValues(OAuthClientAutoConfigurationTests.MINIMAL)
			.withClassLoader(new FilteredClassLoader(WebClient.class, WebClientCustomizer.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(OAuthClientRegistry.class)
				.doesNotHaveBean(OAuthClientExchangeFilterFunction.class)
				.doesNotHaveBean(OAuthClientWebClientCustomizer.class)
				.doesNotHaveBean(OAuthClientWebClientHttpServiceGroupConfigurer.class));
	}

	@Test
	void anApplicationFilterReplacesOurs() {
		this.runner.withPropertyValues(OAuthClientAutoConfigurationTests.MINIMAL)
			.withUserConfiguration(OwnFilter.class)
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(OAuthClientExchangeFilterFunction.class);
				assertThat(filters(context.getBean(WebClient.Builder.class)))
					.containsExactly(context.getBean(OAuthClientExchangeFilterFunction.class));
				assertThat(context.getBean(OAuthClientExchangeFilterFunction.class).routes()).isEmpty();
			});
	}

	@Test
	void groupsAtTheRootWithoutADefaultRegistrationFailNamingTheProperty() {
		this.runner
			.withPropertyValues("oauth.client.token-uri=https://idp.example.com/oauth2/token",
					"oauth.client.http-service-groups=inventory", "oauth.client.registrations.a.client-id=a",
					"oauth.client.registrations.a.client-secret=s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InvalidOAuthClientPropertyException.class)
				.hasMessageContaining("oauth.client.http-service-groups")
				.hasMessageContaining("oauth.client.registrations.<name>.http-service-groups"));
	}

	private static List<ExchangeFilterFunction> filters(WebClient.Builder builder) {
		List<ExchangeFilterFunction> filters = new ArrayList<>();
		builder.filters(filters::addAll);
		return filters;
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnFilter {

		@Bean
		OAuthClientExchangeFilterFunction ownFilter() {
			return new OAuthClientExchangeFilterFunction(List.of());
		}

	}

}
