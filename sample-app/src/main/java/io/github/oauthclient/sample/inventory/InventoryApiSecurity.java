package io.github.oauthclient.sample.inventory;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.web.SecurityFilterChain;

import static org.springframework.security.config.Customizer.withDefaults;

/**
 * Web security of the inventory API: {@code /api/**} needs a valid bearer JWT (with the configured scope), the
 * backstage endpoints the demo uses are open on loopback, everything else is denied. Spring Boot builds the JWT
 * decoder from {@code spring.security.oauth2.resourceserver.jwt.*} and adds the validators declared here: a strict
 * expiry check and the {@link TokenLedger}'s revocation check.
 */
@Configuration(proxyBeanMethods = false)
class InventoryApiSecurity {

	@Bean
	SecurityFilterChain inventoryApiSecurityFilterChain(HttpSecurity http, InventoryApiProperties properties)
			throws Exception {
		http.authorizeHttpRequests((requests) -> {
			requests.requestMatchers("/backstage/**").permitAll();
			if (properties.requiredScope().isEmpty()) {
				requests.requestMatchers("/api/**").authenticated();
			}
			else {
				requests.requestMatchers("/api/**").hasAuthority("SCOPE_" + properties.requiredScope());
			}
			requests.anyRequest().denyAll();
		})
			.oauth2ResourceServer((resourceServer) -> resourceServer.jwt(withDefaults()))
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// a stateless bearer-token API: no cookies, so no CSRF to defend against
			.csrf(AbstractHttpConfigurer::disable);
		return http.build();
	}

	@Bean
	TokenLedger tokenLedger() {
		return new TokenLedger();
	}

	@Bean
	OAuth2TokenValidator<Jwt> strictExpiry(InventoryApiProperties properties) {
		return new JwtTimestampValidator(properties.clockSkew());
	}

	@Bean
	RejectionCounter rejectionCounter() {
		return new RejectionCounter();
	}

	@Bean
	FilterRegistrationBean<RejectionCounter> rejectionCounterRegistration(RejectionCounter counter) {
		FilterRegistrationBean<RejectionCounter> registration = new FilterRegistrationBean<>(counter);
		registration.addUrlPatterns("/api/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

}
