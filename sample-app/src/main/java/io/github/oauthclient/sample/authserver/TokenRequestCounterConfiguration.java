package io.github.oauthclient.sample.authserver;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Puts the {@link TokenRequestCounter} in front of {@code POST /oauth2/token}, ahead of Spring Security's filters so
 * that rejected requests are counted too.
 */
@Configuration(proxyBeanMethods = false)
class TokenRequestCounterConfiguration {

	@Bean
	TokenRequestCounter tokenRequestCounter() {
		return new TokenRequestCounter();
	}

	@Bean
	FilterRegistrationBean<TokenRequestCounter> tokenRequestCounterRegistration(TokenRequestCounter counter) {
		FilterRegistrationBean<TokenRequestCounter> registration = new FilterRegistrationBean<>(counter);
		registration.addUrlPatterns("/oauth2/token");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

}
