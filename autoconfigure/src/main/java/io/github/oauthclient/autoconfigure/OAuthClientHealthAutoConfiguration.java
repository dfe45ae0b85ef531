package io.github.oauthclient.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

import io.github.oauthclient.health.TokenCacheHealthIndicator;

/**
 * Auto-configuration of the {@code oauthClient} health contributor (with {@code spring-boot-health}, as in
 * {@code spring-boot-starter-actuator}): one {@link TokenCacheHealthIndicator} per registration whose token provider
 * is the starter's cache. Disable it with {@code management.health.oauthClient.enabled=false}.
 */
@AutoConfiguration(after = OAuthClientAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(OAuthClientRegistry.class)
@ConditionalOnEnabledHealthIndicator("oauthClient")
public final class OAuthClientHealthAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "oauthClientHealthContributor")
	CompositeHealthContributor oauthClientHealthContributor(OAuthClientRegistry registry) {
		Map<String, TokenCacheHealthIndicator> indicators = new LinkedHashMap<>();
		TokenCaches.of(registry).forEach((name, cache) -> indicators.put(name, new TokenCacheHealthIndicator(cache)));
		return CompositeHealthContributor.fromMap(indicators);
	}

}
