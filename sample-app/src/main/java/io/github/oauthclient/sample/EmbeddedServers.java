package io.github.oauthclient.sample;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.oauthclient.sample.authserver.AuthorizationServerApp;
import io.github.oauthclient.sample.inventory.InventoryApiApp;

import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertyResolver;

/**
 * Starts the two servers the client side talks to, each as its own Spring Boot application with its own loopback
 * port and configuration file, in this JVM: the authorization server ({@code authorization-server.yml}) and the
 * inventory API ({@code inventory-api.yml}). On the {@code external} profile only the API starts, validating the
 * tokens of the user's own authorization server.
 *
 * <p>{@link #orderServiceProperties()} is what the client side needs to find them: the values of the
 * {@code demo.*} placeholders its {@code application.yml} uses under {@code oauth.client}.
 */
public final class EmbeddedServers implements AutoCloseable {

	/** What the API's {@code inventory-api-external.yml} reads, passed on wherever the launch found them. */
	private static final List<String> EXTERNAL_API_SETTINGS = List.of("DEMO_JWK_SET_URI", "DEMO_REQUIRED_SCOPE");

	private final ConfigurableApplicationContext authorizationServer;

	private final ConfigurableApplicationContext inventoryApi;

	private final Map<String, Object> orderServiceProperties;

	private EmbeddedServers(ConfigurableApplicationContext authorizationServer,
			ConfigurableApplicationContext inventoryApi, Map<String, Object> orderServiceProperties) {
		this.authorizationServer = authorizationServer;
		this.inventoryApi = inventoryApi;
		this.orderServiceProperties = Map.copyOf(orderServiceProperties);
	}

	/**
	 * Starts the servers.
	 * @param settings where {@code demo.authorization-server.port}, {@code demo.inventory-api.port} (both 0, a free
	 * port, unless set), {@code demo.token-lifetime} and, for the external profile, {@code DEMO_JWK_SET_URI} and
	 * {@code DEMO_REQUIRED_SCOPE} come from
	 * @param external whether the {@code external} profile is active (no embedded authorization server)
	 */
	public static EmbeddedServers start(PropertyResolver settings, boolean external) {
		Map<String, Object> orderService = new LinkedHashMap<>();
		Map<String, Object> api = new LinkedHashMap<>();
		ConfigurableApplicationContext authorizationServer = null;
		String[] profiles = external ? new String[] { "external" } : new String[0];
		if (!external) {
			String clientSecret = newClientSecret();
			Map<String, Object> authorizationServerProperties = new LinkedHashMap<>();
			authorizationServerProperties.put("server.port", settings.getProperty("demo.authorization-server.port", "0"));
			authorizationServerProperties.put("demo.client-secret", clientSecret);
			authorizationServerProperties.put("demo.token-lifetime", settings.getProperty("demo.token-lifetime", "8s"));
			authorizationServer = start(AuthorizationServerApp.class, AuthorizationServerApp.CONFIG_NAME, profiles,
					authorizationServerProperties);
			String authorizationServerUrl = loopbackUrl(authorizationServer);
			api.put("demo.authorization-server.url", authorizationServerUrl);
			orderService.put("demo.authorization-server.url", authorizationServerUrl);
			orderService.put("demo.client-secret", clientSecret);
		}
		api.put("server.port", settings.getProperty("demo.inventory-api.port", "0"));
		for (String name : EXTERNAL_API_SETTINGS) {
			String value = settings.getProperty(name);
			if (value != null) {
				api.put(name, value);
			}
		}
		try {
			ConfigurableApplicationContext inventoryApi = start(InventoryApiApp.class, InventoryApiApp.CONFIG_NAME,
					profiles, api);
			orderService.put("demo.inventory-api.url", loopbackUrl(inventoryApi));
			return new EmbeddedServers(authorizationServer, inventoryApi, orderService);
		}
		catch (RuntimeException ex) {
			if (authorizationServer != null) {
				authorizationServer.close();
			}
			throw ex;
		}
	}

	/**
	 * The properties the client side resolves its {@code application.yml} placeholders with:
	 * {@code demo.inventory-api.url} and, unless external, {@code demo.authorization-server.url} and
	 * {@code demo.client-secret}.
	 */
	public Map<String, Object> orderServiceProperties() {
		return this.orderServiceProperties;
	}

	/** Whether the embedded authorization server runs (false on the {@code external} profile). */
	public boolean hasAuthorizationServer() {
		return this.authorizationServer != null;
	}

	/** Stops the API, then the authorization server. */
	@Override
	public void close() {
		this.inventoryApi.close();
		if (this.authorizationServer != null) {
			this.authorizationServer.close();
		}
	}

	/**
	 * Runs one server application, with its own configuration file rather than the client's
	 * {@code application.yml}, and no command-line arguments: those are the client's.
	 */
	private static ConfigurableApplicationContext start(Class<?> application, String configName, String[] profiles,
			Map<String, Object> properties) {
		return application(application, properties).properties("spring.config.name=" + configName)
			.profiles(profiles)
			.run();
	}

	/**
	 * A builder for one of the demo's applications. The composition's properties (ports, the generated secret, the
	 * other servers' URLs) take precedence over anything else, so that, say, a {@code SERVER_PORT} variable cannot
	 * move a server; the composition closes the applications itself, in order.
	 */
	static SpringApplicationBuilder application(Class<?> application, Map<String, Object> properties) {
		return new SpringApplicationBuilder(application)
			.initializers((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("demo-composition", properties)))
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.registerShutdownHook(false);
	}

	/** Where a started application listens: its loopback address and actual port. */
	static String loopbackUrl(ConfigurableApplicationContext context) {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		return "http://127.0.0.1:" + port;
	}

	/** A fresh secret per run, shared by the two sides and printed nowhere. */
	private static String newClientSecret() {
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
	}

}
