package io.github.oauthclient.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * A real Spring Authorization Server (Spring Security 7) started in-process on {@code 127.0.0.1} and a random port,
 * with one registered client per client authentication method.
 *
 * <p>It exists so that every test that fetches a token talks to the authorization server users actually meet, over
 * real HTTP, instead of a mock; and so that the token, http and auto-configuration tests share one way of starting
 * it. Boot's own auto-configuration supplies the security filter chain and a generated signing key as soon as a
 * {@link RegisteredClientRepository} and {@link AuthorizationServerSettings} bean exist.
 *
 * <p>Default clients (all allowed the {@code client_credentials} grant and the scopes {@value #SCOPE_READ} and
 * {@value #SCOPE_WRITE}):
 * <ul>
 * <li>{@value #BASIC_CLIENT_ID}: {@code client_secret_basic} with the secret {@link #TRICKY_SECRET};</li>
 * <li>{@value #POST_CLIENT_ID}: {@code client_secret_post} with the secret {@link #POST_CLIENT_SECRET};</li>
 * <li>{@value #PUBLIC_CLIENT_ID}: {@code none} (a public client without a secret). Spring Authorization Server
 * answers its {@code client_credentials} requests with 401: it authenticates public clients only with PKCE, which
 * belongs to the authorization code grant. It is registered so that tests can show exactly that.</li>
 * </ul>
 * Use {@code try (var server = AuthorizationServerFixture.start()) { ... }}, or start it in {@code @BeforeAll} and
 * close it in {@code @AfterAll}.
 */
public final class AuthorizationServerFixture implements AutoCloseable {

	/** A secret with every character that breaks naive Basic encoding (RFC 6749 section 2.3.1). */
	public static final String TRICKY_SECRET = "p+ss/w:rd%20&=?";

	/**
	 * The secret of {@value #POST_CLIENT_ID}, just as tricky (Spring Authorization Server refuses two clients with
	 * the same secret).
	 */
	public static final String POST_CLIENT_SECRET = "p0st+s/e:c%41&=?";

	/** Client registered for {@code client_secret_basic}. */
	public static final String BASIC_CLIENT_ID = "basic-client";

	/** Client registered for {@code client_secret_post}. */
	public static final String POST_CLIENT_ID = "post-client";

	/** Public client registered for {@code none}. */
	public static final String PUBLIC_CLIENT_ID = "public-client";

	/** A scope every default client may request. */
	public static final String SCOPE_READ = "inventory.read";

	/** Another scope every default client may request. */
	public static final String SCOPE_WRITE = "inventory.write";

	private final ConfigurableApplicationContext context;

	private final String issuer;

	private AuthorizationServerFixture(ConfigurableApplicationContext context) {
		this.context = context;
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		// https when the builder configured server.ssl (see Builder#property), as for mutual TLS tests
		boolean tls = context.getEnvironment().getProperty("server.ssl.bundle") != null;
		this.issuer = (tls ? "https" : "http") + "://127.0.0.1:" + port;
	}

	/** Starts a server with the default clients and 5-minute access tokens. */
	public static AuthorizationServerFixture start() {
		return builder().start();
	}

	/** A builder for a server with other token lifetimes, more clients or more configuration. */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * A client allowed the {@code client_credentials} grant and the default scopes.
	 *
	 * @param clientId the client id
	 * @param secret the raw secret, or {@code null} for a public client
	 * @param method how the client authenticates
	 * @param accessTokenTimeToLive the lifetime of its access tokens
	 * @param format self-contained (JWT) or reference (opaque) access tokens
	 */
	public static RegisteredClient registeredClient(String clientId, String secret, ClientAuthenticationMethod method,
			Duration accessTokenTimeToLive, OAuth2TokenFormat format) {
		RegisteredClient.Builder client = RegisteredClient.withId(UUID.randomUUID().toString())
				.clientId(clientId)
				.clientAuthenticationMethod(method)
				.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
				.scope(SCOPE_READ)
				.scope(SCOPE_WRITE)
				.tokenSettings(TokenSettings.builder()
						.accessTokenTimeToLive(accessTokenTimeToLive)
						.accessTokenFormat(format)
						.build());
		if (secret != null) {
			client.clientSecret("{noop}" + secret);
		}
		return client.build();
	}

	/** The issuer identifier, {@code http://127.0.0.1:<port>} (what discovery documents report). */
	public String issuer() {
		return issuer;
	}

	/** The token endpoint URI. */
	public String tokenUri() {
		return issuer + "/oauth2/token";
	}

	/** The JWK set URI, for resource servers that validate the issued JWTs. */
	public String jwkSetUri() {
		return issuer + "/oauth2/jwks";
	}

	/** The running application context. */
	public ConfigurableApplicationContext context() {
		return context;
	}

	@Override
	public void close() {
		context.close();
	}

	/** Configures and starts an {@link AuthorizationServerFixture}. */
	public static final class Builder {

		private Duration accessTokenTimeToLive = Duration.ofMinutes(5);

		private OAuth2TokenFormat format = OAuth2TokenFormat.SELF_CONTAINED;

		private final List<RegisteredClient> extraClients = new ArrayList<>();

		private final List<Class<?>> sources = new ArrayList<>();

		private final Map<String, String> properties = new LinkedHashMap<>();

		private Builder() {
		}

		/** Lifetime of the access tokens issued to the default clients. */
		public Builder accessTokenTimeToLive(Duration timeToLive) {
			this.accessTokenTimeToLive = timeToLive;
			return this;
		}

		/** Opaque (reference) access tokens for the default clients instead of JWTs. */
		public Builder opaqueTokens() {
			this.format = OAuth2TokenFormat.REFERENCE;
			return this;
		}

		/** Registers one more client. */
		public Builder client(RegisteredClient client) {
			this.extraClients.add(client);
			return this;
		}

		/** Adds configuration classes to the server's application (for example a protected controller). */
		public Builder configuration(Class<?>... configurations) {
			this.sources.addAll(List.of(configurations));
			return this;
		}

		/** Sets one more property of the server's application. */
		public Builder property(String name, String value) {
			this.properties.put(name, value);
			return this;
		}

		/** Starts the server; returns once it accepts requests. */
		public AuthorizationServerFixture start() {
			List<RegisteredClient> clients = new ArrayList<>();
			clients.add(registeredClient(BASIC_CLIENT_ID, TRICKY_SECRET, ClientAuthenticationMethod.CLIENT_SECRET_BASIC,
					accessTokenTimeToLive, format));
			clients.add(registeredClient(POST_CLIENT_ID, POST_CLIENT_SECRET, ClientAuthenticationMethod.CLIENT_SECRET_POST,
					accessTokenTimeToLive, format));
			clients.add(registeredClient(PUBLIC_CLIENT_ID, null, ClientAuthenticationMethod.NONE, accessTokenTimeToLive,
					format));
			clients.addAll(extraClients);
			List<Class<?>> allSources = new ArrayList<>();
			allSources.add(ServerApplication.class);
			allSources.addAll(sources);
			List<String> props = new ArrayList<>(List.of("server.port=0", "server.address=127.0.0.1",
					"spring.main.banner-mode=off", "spring.main.log-startup-info=false",
					"spring.jmx.enabled=false"));
			properties.forEach((name, value) -> props.add(name + "=" + value));
			ConfigurableApplicationContext context = new SpringApplicationBuilder(allSources.toArray(Class<?>[]::new))
					.web(WebApplicationType.SERVLET)
					.properties(props.toArray(String[]::new))
					.initializers(ctx -> {
						GenericApplicationContext generic = (GenericApplicationContext) ctx;
						generic.registerBean(RegisteredClientRepository.class,
								() -> new InMemoryRegisteredClientRepository(clients));
						generic.registerBean(AuthorizationServerSettings.class,
								() -> AuthorizationServerSettings.builder().build());
					})
					.run();
			return new AuthorizationServerFixture(context);
		}
	}

	/** The server application: Boot's auto-configuration plus the beans registered by the builder. */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class ServerApplication {

	}
}
