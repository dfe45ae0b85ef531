package io.github.oauthclient.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.RestTemplateBuilder;
import org.springframework.boot.restclient.RestTemplateCustomizer;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestTemplateAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;

import io.github.oauthclient.core.BackendApplicationClient;
import io.github.oauthclient.core.OAuth2Token;
import io.github.oauthclient.http.OAuthClientHttpRequestInterceptor;
import io.github.oauthclient.http.TokenRoute;
import io.github.oauthclient.token.CachingTokenProvider;
import io.github.oauthclient.token.TokenProvider;

/**
 * Conditions, beans and back-off of the auto-configuration; the property rules themselves are covered by
 * {@link RegistrationResolverTests} and the start-up errors by {@link StartupFailureTests}.
 */
@ExtendWith(OutputCaptureExtension.class)
class OAuthClientAutoConfigurationTests {

	static final String[] MINIMAL = { "oauth.client.token-uri=https://idp.example.com/oauth2/token",
			"oauth.client.client-id=orders", "oauth.client.client-secret=s3cr3t-value" };

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(OAuthClientAutoConfiguration.class,
				OAuthClientRestClientAutoConfiguration.class, HttpClientAutoConfiguration.class,
				ImperativeHttpClientAutoConfiguration.class, RestClientAutoConfiguration.class,
				RestTemplateAutoConfiguration.class));

	@Test
	void withoutOauthClientPropertiesTheApplicationIsUntouched() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(OAuthClientProperties.class)
				.doesNotHaveBean(OAuthClientRegistry.class)
				.doesNotHaveBean(BackendApplicationClient.class)
				.doesNotHaveBean(TokenProvider.class)
				.doesNotHaveBean(OAuthClientHttpRequestInterceptor.class)
				.doesNotHaveBean(OAuthClientRestTemplateCustomizer.class)
				.doesNotHaveBean(OAuthClientRestClientCustomizer.class);
			assertThat(context.getBean(RestTemplateBuilder.class).build().getInterceptors()).isEmpty();
		});
	}

	@Test
	void enabledAloneDoesNotCountAsConfiguration() {
		this.runner.withPropertyValues("oauth.client.enabled=true")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(OAuthClientRegistry.class));
	}

	@Test
	void disabledBacksOffEvenWhenOtherwiseInvalid() {
		this.runner.withPropertyValues("oauth.client.enabled=false", "oauth.client.client-id=orders")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(OAuthClientRegistry.class)
				.doesNotHaveBean(OAuthClientHttpRequestInterceptor.class));
	}

	@Test
	void minimalConfigurationCreatesEveryBean() {
		this.runner.withPropertyValues(MINIMAL).run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(OAuthClientProperties.class)
				.hasSingleBean(BackendApplicationClient.class)
				.hasSingleBean(TokenProvider.class)
				.hasSingleBean(OAuthClientRegistry.class)
				.hasSingleBean(OAuthClientHttpRequestInterceptor.class)
				.hasSingleBean(OAuthClientRestTemplateCustomizer.class)
				.hasSingleBean(OAuthClientRestClientCustomizer.class);
			assertThat(context.getBean(TokenProvider.class)).isInstanceOf(CachingTokenProvider.class);
			OAuthClientRegistry registry = context.getBean(OAuthClientRegistry.class);
			assertThat(registry.names()).containsExactly("default");
			assertThat(registry.client("default")).isSameAs(context.getBean(BackendApplicationClient.class));
			assertThat(registry.tokenProvider("default")).isSameAs(context.getBean(TokenProvider.class));
			assertThat(registry.interceptor()).isSameAs(context.getBean(OAuthClientHttpRequestInterceptor.class));
			assertThat(registry.interceptor("default").routes()).hasSize(1);
		});
	}

	@Test
	void theDefaultClientCarriesTheOauthlibOptions() {
		this.runner.withPropertyValues(MINIMAL)
			.withPropertyValues("oauth.client.scope=inventory.read inventory.write",
					"oauth.client.relax-token-scope=false", "oauth.client.strict-token-type=true")
			.run((context) -> {
				BackendApplicationClient client = context.getBean(BackendApplicationClient.class);
				assertThat(client.clientId()).isEqualTo("orders");
				assertThat(client.relaxTokenScope()).isFalse();
				assertThat(client.strictTokenType()).isTrue();
				assertThat(client.insecureTransport()).isFalse();
				assertThat(client.prepareRequestBody()).isEqualTo(
						"grant_type=client_credentials&scope=inventory.read+inventory.write");
			});
	}

	@Test
	void theOauthlibDefaultsApplyWhenNothingIsSet() {
		this.runner.withPropertyValues(MINIMAL).run((context) -> {
			BackendApplicationClient client = context.getBean(BackendApplicationClient.class);
			assertThat(client.relaxTokenScope()).isTrue();
			assertThat(client.strictTokenType()).isFalse();
			assertThat(client.prepareRequestBody()).isEqualTo("grant_type=client_credentials");
		});
	}

	@Test
	void aLoopbackTokenEndpointRelaxesTheCoreHttpsCheckOnly() {
		this.runner.withPropertyValues("oauth.client.token-uri=http://127.0.0.1:9000/oauth2/token",
				"oauth.client.client-id=orders", "oauth.client.client-secret=s3cr3t-value")
			.run((context) -> assertThat(context.getBean(BackendApplicationClient.class).insecureTransport())
				.isTrue());
	}

	@Test
	void oneRegistrationWithoutResourceUrlsWarnsOnceHowToRestrictIt(CapturedOutput output) {
		this.runner.withPropertyValues(MINIMAL).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(output).containsOnlyOnce("lists no resource URLs")
				.contains("Set oauth.client.resource-urls to the URL prefixes");
		});
	}

	@Test
	void noWarningWhenResourceUrlsAreListed(CapturedOutput output) {
		this.runner.withPropertyValues(MINIMAL)
			.withPropertyValues("oauth.client.resource-urls=https://api.example.com")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).doesNotContain("lists no resource URLs");
			});
	}

	@Test
	void namedRegistrationsOnlyHaveNoDefaultBeans() {
		this.runner.withPropertyValues("oauth.client.token-uri=https://idp.example.com/oauth2/token",
				"oauth.client.registrations.billing.client-id=billing",
				"oauth.client.registrations.billing.client-secret=b-secret",
				"oauth.client.registrations.billing.resource-urls=https://billing.example.com",
				"oauth.client.registrations.stock.client-id=stock",
				"oauth.client.registrations.stock.client-secret=s-secret",
				"oauth.client.registrations.stock.resource-urls=https://stock.example.com")
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.doesNotHaveBean(BackendApplicationClient.class)
					.doesNotHaveBean(TokenProvider.class);
				OAuthClientRegistry registry = context.getBean(OAuthClientRegistry.class);
				assertThat(registry.names()).containsExactly("billing", "stock");
				assertThat(registry.client("billing").clientId()).isEqualTo("billing");
				assertThat(registry.client("stock").clientId()).isEqualTo("stock");
				assertThat(registry.interceptor().routes()).extracting(TokenRoute::registrationId)
					.containsExactly("billing", "stock");
				assertThat(registry.interceptor("stock").routes()).extracting(TokenRoute::registrationId)
					.containsExactly("stock");
			});
	}

	@Test
	void theDefaultAndNamedRegistrationsLiveSideBySide() {
		this.runner.withPropertyValues(MINIMAL)
			.withPropertyValues("oauth.client.resource-urls=https://orders.example.com",
					"oauth.client.registrations.billing.resource-urls=https://billing.example.com",
					"oauth.client.registrations.billing.scope=billing.read")
			.run((context) -> {
				OAuthClientRegistry registry = context.getBean(OAuthClientRegistry.class);
				assertThat(registry.names()).containsExactly("default", "billing");
				assertThat(registry.client("billing")).isNotSameAs(registry.client("default"));
				assertThat(registry.client("billing").clientId()).isEqualTo("orders");
				assertThat(registry.client("billing").prepareRequestBody()).contains("scope=billing.read");
			});
	}

	@Test
	void aDisabledRegistrationIsLeftOut() {
		this.runner.withPropertyValues(MINIMAL)
			.withPropertyValues("oauth.client.resource-urls=https://orders.example.com",
					"oauth.client.registrations.billing.enabled=false")
			.run((context) -> assertThat(context.getBean(OAuthClientRegistry.class).names())
				.containsExactly("default"));
	}

	@Test
	void unknownRegistrationNamesAreExplained() {
		this.runner.withPropertyValues(MINIMAL).run((context) -> {
			OAuthClientRegistry registry = context.getBean(OAuthClientRegistry.class);
			org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
				.isThrownBy(() -> registry.tokenProvider("billing"))
				.withMessageContaining("No OAuth client registration named 'billing'")
				.withMessageContaining("[default]");
		});
	}

	@Test
	void anApplicationClientIsUsedByTheDefaultRegistration() {
		this.runner.withPropertyValues(MINIMAL).withUserConfiguration(UserClient.class).run((context) -> {
			BackendApplicationClient client = context.getBean(BackendApplicationClient.class);
			assertThat(client.clientId()).isEqualTo("my-own-client");
			assertThat(context.getBean(OAuthClientRegistry.class).client("default")).isSameAs(client);
		});
	}

	@Test
	void anApplicationTokenProviderIsUsedByTheDefaultRegistrationAndTheInterceptor() {
		this.runner.withPropertyValues(MINIMAL).withUserConfiguration(UserTokenProvider.class).run((context) -> {
			TokenProvider provider = context.getBean(TokenProvider.class);
			assertThat(provider).isSameAs(context.getBean(UserTokenProvider.class).provider);
			OAuthClientRegistry registry = context.getBean(OAuthClientRegistry.class);
			assertThat(registry.tokenProvider("default")).isSameAs(provider);
			assertThat(context.getBean(OAuthClientHttpRequestInterceptor.class).routes().get(0).tokenProvider())
				.isSameAs(provider);
		});
	}

	@Test
	void anApplicationRegistryReplacesOurs() {
		this.runner.withPropertyValues(MINIMAL).withUserConfiguration(UserRegistry.class).run((context) -> {
			assertThat(context).hasSingleBean(OAuthClientRegistry.class);
			assertThat(context.getBean(OAuthClientRegistry.class).names()).containsExactly("mine");
			assertThat(context.getBean(OAuthClientHttpRequestInterceptor.class).routes())
				.extracting(TokenRoute::registrationId)
				.containsExactly("mine");
		});
	}

	@Test
	void anApplicationInterceptorIsTheOneAddedToBuilders() {
		this.runner.withPropertyValues(MINIMAL).withUserConfiguration(UserInterceptor.class).run((context) -> {
			OAuthClientHttpRequestInterceptor interceptor = context.getBean(OAuthClientHttpRequestInterceptor.class);
			assertThat(interceptor).isNotSameAs(context.getBean(OAuthClientRegistry.class).interceptor());
			assertThat(context.getBean(RestTemplateBuilder.class).build().getInterceptors())
				.containsExactly(interceptor);
		});
	}

	@Test
	void applicationCustomizersReplaceOurs() {
		this.runner.withPropertyValues(MINIMAL).withUserConfiguration(UserCustomizers.class).run((context) -> {
			assertThat(context).hasSingleBean(OAuthClientRestTemplateCustomizer.class)
				.hasSingleBean(OAuthClientRestClientCustomizer.class);
			assertThat(context.getBean(RestTemplateBuilder.class).build().getInterceptors()).isEmpty();
		});
	}

	@Test
	void everyBootBuiltRestTemplateAndRestClientGetsTheInterceptorOnce() {
		this.runner.withPropertyValues(MINIMAL).run((context) -> {
			OAuthClientHttpRequestInterceptor interceptor = context.getBean(OAuthClientHttpRequestInterceptor.class);
			assertThat(context.getBean(RestTemplateBuilder.class).build().getInterceptors())
				.containsExactly(interceptor);
			List<ClientHttpRequestInterceptor> seen = new ArrayList<>();
			RestClient.Builder builder = context.getBean(RestClient.Builder.class);
			builder.requestInterceptors(seen::addAll);
			assertThat(seen).containsExactly(interceptor);
			new OAuthClientRestClientCustomizer(interceptor).customize(builder);
			seen.clear();
			builder.requestInterceptors(seen::addAll);
			assertThat(seen).as("customizing twice adds it once").containsExactly(interceptor);
		});
	}

	@Test
	void withoutBootsRestTemplateSupportOnlyTheRestClientIsCustomized() {
		this.runner.withPropertyValues(MINIMAL)
			.withClassLoader(new FilteredClassLoader(RestTemplateCustomizer.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(OAuthClientRestTemplateCustomizer.class)
				.hasSingleBean(OAuthClientRestClientCustomizer.class));
	}

	@Test
	void withoutSpringWebNothingIsConfigured() {
		this.runner.withPropertyValues(MINIMAL)
			.withClassLoader(new FilteredClassLoader(RestClient.class))
			.run((context) -> assertThat(context).doesNotHaveBean(OAuthClientRegistry.class));
	}

	@Test
	void theSecretAppearsInNoToStringOfOurBeans() {
		this.runner.withPropertyValues(MINIMAL).run((context) -> {
			OAuthClientRegistry registry = context.getBean(OAuthClientRegistry.class);
			List<Object> beans = List.of(registry, registry.client("default"), registry.tokenProvider("default"),
					registry.interceptor(), registry.registration("default"),
					RegistrationResolver.resolveAll(context.getBean(OAuthClientProperties.class)).get(0),
					context.getBean(OAuthClientProperties.class));
			for (Object bean : beans) {
				assertThat(bean.toString()).doesNotContain("s3cr3t-value");
			}
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class UserClient {

		@Bean
		BackendApplicationClient myClient() {
			return new BackendApplicationClient("my-own-client");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserTokenProvider {

		final TokenProvider provider = () -> OAuth2Token.of(java.util.Map.of("access_token", "t",
				"token_type", "Bearer"));

		@Bean
		TokenProvider myTokenProvider() {
			return this.provider;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserRegistry {

		@Bean
		OAuthClientRegistry myRegistry() {
			TokenProvider provider = () -> OAuth2Token.of(java.util.Map.of("access_token", "t"));
			TokenRoute route = TokenRoute.builder("mine", provider).build();
			return new OAuthClientRegistry(List.of(new OAuthClientRegistration("mine",
					new BackendApplicationClient("mine"), provider, route,
					new OAuthClientHttpRequestInterceptor(List.of(route)))));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserInterceptor {

		@Bean
		OAuthClientHttpRequestInterceptor myInterceptor() {
			return new OAuthClientHttpRequestInterceptor(List.of());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserCustomizers {

		@Bean
		OAuthClientRestTemplateCustomizer myRestTemplateCustomizer() {
			return new OAuthClientRestTemplateCustomizer(new OAuthClientHttpRequestInterceptor(List.of())) {
				@Override
				public void customize(org.springframework.web.client.RestTemplate restTemplate) {
				}
			};
		}

		@Bean
		OAuthClientRestClientCustomizer myRestClientCustomizer() {
			return new OAuthClientRestClientCustomizer(new OAuthClientHttpRequestInterceptor(List.of())) {
				@Override
				public void customize(RestClient.Builder builder) {
				}
			};
		}

	}

}
