package io.github.oauthclient.testsupport;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A protected API: a real Spring Security resource server, in-process on {@code 127.0.0.1} and a random port, that
 * validates the JWT access tokens of an {@link AuthorizationServerFixture} (signature against its JWK set, issuer,
 * expiry).
 *
 * <p>It exists so that the end-to-end tests prove what users rely on: a Boot-built RestTemplate or RestClient gets a
 * token the real resource server accepts, with any placement. Bearer tokens are accepted in the Authorization header,
 * the {@code access_token} query parameter and the {@code access_token} form field (RFC 6750 sections 2.1 to 2.3).
 *
 * <p>Every path under {@code /public/} is open; everything else needs a valid token and answers with a JSON echo of
 * {@code path}, {@code subject} (the client id), {@code scope}, {@code method} and every request parameter except
 * {@code access_token}. Every request is recorded with the credentials it carried. {@link #revoke(String)} makes the
 * API reject one token (as a server does after key rotation or revocation) and {@link #rejectAllTokens(boolean)}
 * every token, to provoke 401 answers.
 */
public final class ProtectedApiFixture implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private final String baseUrl;

	private final List<ApiRequest> requests;

	private final Set<String> revoked;

	private final AtomicBoolean rejectAll;

	private ProtectedApiFixture(ConfigurableApplicationContext context, List<ApiRequest> requests,
			Set<String> revoked, AtomicBoolean rejectAll) {
		this.context = context;
		this.requests = requests;
		this.revoked = revoked;
		this.rejectAll = rejectAll;
		this.baseUrl = ((context.getEnvironment().getProperty("server.ssl.bundle") != null) ? "https" : "http")
				+ "://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	/**
	 * Starts an API accepting the JWTs of {@code issuer}.
	 * @param issuer the authorization server whose tokens are valid
	 * @return the running API
	 */
	public static ProtectedApiFixture start(AuthorizationServerFixture issuer) {
		return start(issuer, new org.springframework.web.client.RestTemplate());
	}

	/**
	 * Starts an API accepting the JWTs of {@code issuer}, fetching its JWK set with {@code jwkSetClient} (for an
	 * issuer on https with a test CA).
	 * @param issuer the authorization server whose tokens are valid
	 * @param jwkSetClient the client for the issuer's JWK set
	 * @return the running API
	 */
	public static ProtectedApiFixture start(AuthorizationServerFixture issuer,
			org.springframework.web.client.RestOperations jwkSetClient) {
		return start(issuer, jwkSetClient, new String[0]);
	}

	/**
	 * Starts an API accepting the JWTs of {@code issuer} with more properties of its application, such as
	 * {@code server.ssl.*} for an API on https that asks for client certificates (certificate-bound tokens).
	 * @param issuer the authorization server whose tokens are valid
	 * @param jwkSetClient the client for the issuer's JWK set
	 * @param properties more {@code name=value} properties
	 * @return the running API
	 */
	public static ProtectedApiFixture start(AuthorizationServerFixture issuer,
			org.springframework.web.client.RestOperations jwkSetClient, String... properties) {
		List<ApiRequest> requests = Collections.synchronizedList(new ArrayList<>());
		Set<String> revoked = ConcurrentHashMap.newKeySet();
		AtomicBoolean rejectAll = new AtomicBoolean();
		ConfigurableApplicationContext context = new SpringApplicationBuilder(ApiApplication.class)
			.web(WebApplicationType.SERVLET)
			.properties("server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off",
					"spring.main.log-startup-info=false", "spring.jmx.enabled=false",
					"spring.autoconfigure.exclude="
							+ "org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet."
							+ "OAuth2AuthorizationServerAutoConfiguration,"
							+ "org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet."
							+ "OAuth2AuthorizationServerJwtAutoConfiguration")
			.properties(properties)
			.initializers((ctx) -> {
				GenericApplicationContext generic = (GenericApplicationContext) ctx;
				generic.registerBean(JwtDecoder.class, () -> revocableDecoder(issuer, revoked, rejectAll,
						jwkSetClient));
				generic.registerBean("recordingFilter", FilterRegistrationBean.class, () -> recording(requests));
			})
			.run();
		return new ProtectedApiFixture(context, requests, revoked, rejectAll);
	}

	private static JwtDecoder revocableDecoder(AuthorizationServerFixture issuer, Set<String> revoked,
			AtomicBoolean rejectAll, org.springframework.web.client.RestOperations jwkSetClient) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(issuer.jwkSetUri()).restOperations(jwkSetClient)
			.build();
		decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(issuer.issuer()));
		return (token) -> {
			if (rejectAll.get() || revoked.contains(token)) {
				throw new BadJwtException("The token has been revoked");
			}
			return decoder.decode(token);
		};
	}

	private static FilterRegistrationBean<OncePerRequestFilter> recording(List<ApiRequest> requests) {
		OncePerRequestFilter filter = new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
					FilterChain chain) throws ServletException, IOException {
				try {
					chain.doFilter(request, response);
				}
				finally {
					requests.add(new ApiRequest(request.getMethod(), request.getRequestURI(),
							request.getQueryString(), request.getHeader("Authorization"),
							request.getContentType(), new LinkedHashMap<>(request.getParameterMap()),
							response.getStatus()));
				}
			}
		};
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	/** The base URL, {@code http://127.0.0.1:<port>}. */
	public String baseUrl() {
		return this.baseUrl;
	}

	/** The port the API listens on. */
	public int port() {
		return ((WebServerApplicationContext) this.context).getWebServer().getPort();
	}

	/** Every request received so far, in order of completion. */
	public List<ApiRequest> requests() {
		synchronized (this.requests) {
			return List.copyOf(this.requests);
		}
	}

	/** Forgets the recorded requests. */
	public void clearRequests() {
		this.requests.clear();
	}

	/** From now on, rejects {@code accessToken} with 401 invalid_token. */
	public void revoke(String accessToken) {
		this.revoked.add(accessToken);
	}

	/** While {@code true}, rejects every token with 401 invalid_token, even valid ones. */
	public void rejectAllTokens(boolean reject) {
		this.rejectAll.set(reject);
	}

	@Override
	public void close() {
		this.context.close();
	}

	/**
	 * One request as the API saw it.
	 * @param method the HTTP method
	 * @param path the request path
	 * @param query the raw query string, or {@code null}
	 * @param authorization the Authorization header, or {@code null}
	 * @param contentType the Content-Type, or {@code null}
	 * @param parameters query and form parameters
	 * @param status the status the API answered with
	 */
	public record ApiRequest(String method, String path, String query, String authorization, String contentType,
			Map<String, String[]> parameters, int status) {

		/** The bearer token this request carried in any placement, or {@code null}. */
		public String bearerToken() {
			if (this.authorization != null && this.authorization.startsWith("Bearer ")) {
				return this.authorization.substring("Bearer ".length());
			}
			String[] values = this.parameters.get("access_token");
			return (values != null && values.length > 0) ? values[0] : null;
		}

		/** The first value of a query or form parameter, or {@code null}. */
		public String parameter(String name) {
			String[] values = this.parameters.get(name);
			return (values != null && values.length > 0) ? values[0] : null;
		}

	}

	/** The API application: security, echo controller. */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class ApiApplication {

		@Bean
		SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
			DefaultBearerTokenResolver tokens = new DefaultBearerTokenResolver();
			tokens.setAllowUriQueryParameter(true);
			tokens.setAllowFormEncodedBodyParameter(true);
			http.authorizeHttpRequests((requests) -> requests.requestMatchers("/public/**")
				.permitAll()
				.anyRequest()
				.authenticated())
				.oauth2ResourceServer((server) -> server.jwt(Customizer.withDefaults()).bearerTokenResolver(tokens))
				.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
				.csrf((csrf) -> csrf.disable());
			return http.build();
		}

		@Bean
		EchoController echoController() {
			return new EchoController();
		}

	}

	/** Echoes who called and what arrived. */
	@RestController
	static class EchoController {

		@RequestMapping("/**")
		Map<String, Object> echo(HttpServletRequest request, @AuthenticationPrincipal Jwt jwt) {
			Map<String, Object> echo = new LinkedHashMap<>();
			echo.put("path", request.getRequestURI());
			echo.put("method", request.getMethod());
			echo.put("subject", (jwt != null) ? jwt.getSubject() : null);
			echo.put("scope", (jwt != null) ? jwt.getClaimAsStringList("scope") : null);
			Map<String, String> parameters = new LinkedHashMap<>();
			request.getParameterMap().forEach((name, values) -> {
				if (!name.equals("access_token")) {
					parameters.put(name, String.join(",", values));
				}
			});
			echo.put("parameters", parameters);
			return echo;
		}

	}

}
