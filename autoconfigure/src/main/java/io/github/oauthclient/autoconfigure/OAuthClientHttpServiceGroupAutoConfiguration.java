package io.github.oauthclient.autoconfigure;

import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.support.WebClientHttpServiceGroupConfigurer;
import org.springframework.web.service.registry.HttpServiceProxyRegistry;

/**
 * Auto-configuration for HTTP interface clients ({@code @HttpExchange} interfaces registered with
 * {@code @ImportHttpServices}): maps the groups listed in {@code http-service-groups} to their registration.
 *
 * <p>Groups need nothing from this class to be authenticated by resource URL: Boot applies every
 * {@code RestClientCustomizer} and {@code WebClientCustomizer} to the clients of all groups, so they carry the
 * starter's routing interceptor (or filter) like any Boot-built client. A mapped group instead gets the interceptor
 * (or filter) of its registration alone, which sends the token with every request of the group. At start-up, a
 * mapped group the application does not declare fails with the property to fix.
 */
@AutoConfiguration(after = { OAuthClientRestClientAutoConfiguration.class,
		OAuthClientWebClientAutoConfiguration.class })
@ConditionalOnBean(OAuthClientRegistry.class)
public final class OAuthClientHttpServiceGroupAutoConfiguration {

	@Bean
	HttpServiceGroupMappings oauthClientHttpServiceGroupMappings(OAuthClientProperties properties,
			OAuthClientRegistry registry) {
		return HttpServiceGroupMappings.of(properties, registry);
	}

	@Bean
	OAuthClientRestClientHttpServiceGroupConfigurer oauthClientRestClientHttpServiceGroupConfigurer(
			HttpServiceGroupMappings oauthClientHttpServiceGroupMappings) {
		return new OAuthClientRestClientHttpServiceGroupConfigurer(oauthClientHttpServiceGroupMappings);
	}

	@Bean
	SmartInitializingSingleton oauthClientHttpServiceGroupCheck(
			HttpServiceGroupMappings oauthClientHttpServiceGroupMappings,
			ObjectProvider<HttpServiceProxyRegistry> proxyRegistry) {
		return () -> checkGroupsExist(oauthClientHttpServiceGroupMappings, proxyRegistry.getIfAvailable());
	}

	private static void checkGroupsExist(HttpServiceGroupMappings mappings, HttpServiceProxyRegistry proxyRegistry) {
		Set<String> declared = (proxyRegistry != null) ? proxyRegistry.getGroupNames() : Set.of();
		for (String group : mappings.groups()) {
			if (!declared.contains(group)) {
				throw new InvalidOAuthClientPropertyException(mappings.property(group),
						"lists HTTP service group '" + group + "', but the application declares "
								+ (declared.isEmpty() ? "no HTTP service groups" : "only the groups " + declared),
						"Declare it with @ImportHttpServices(group = \"" + group + "\", types = ...) or remove it "
								+ "from the list.");
			}
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ WebClient.class, WebClientHttpServiceGroupConfigurer.class })
	static class WebClientGroupConfiguration {

		@Bean
		OAuthClientWebClientHttpServiceGroupConfigurer oauthClientWebClientHttpServiceGroupConfigurer(
				HttpServiceGroupMappings oauthClientHttpServiceGroupMappings) {
			return new OAuthClientWebClientHttpServiceGroupConfigurer(oauthClientHttpServiceGroupMappings);
		}

	}

}
