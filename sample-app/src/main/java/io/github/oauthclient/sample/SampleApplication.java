package io.github.oauthclient.sample;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.oauthclient.sample.orders.DemoFlow;
import io.github.oauthclient.sample.orders.DemoReport;
import io.github.oauthclient.sample.orders.OrdersServiceApp;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.PropertyResolver;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Runs the whole demo in one JVM: the embedded authorization server and inventory API ({@link EmbeddedServers}),
 * then the orders service (the client, {@link OrdersServiceApp}) with the command-line arguments, then the demo flow
 * in the console; afterwards the orders service keeps serving {@code GET /demo} until Ctrl-C.
 *
 * <p>Options (command line {@code --name=value}, system property or environment variable):
 * {@code --spring.profiles.active=external} (your own authorization server, see {@code application-external.yml}),
 * {@code --server.port} (the orders service, default 8080), {@code --demo.authorization-server.port} and
 * {@code --demo.inventory-api.port} (default: free ports), {@code --demo.token-lifetime} (default 8s),
 * {@code --demo.exit-after-flow=true} (stop after the flow, exit status 0 when everything happened as described).
 */
public final class SampleApplication {

	private static final List<String> EXTERNAL_SETTINGS = List.of("OAUTH_CLIENT_CLIENT_ID", "OAUTH_CLIENT_CLIENT_SECRET",
			"DEMO_JWK_SET_URI");

	private SampleApplication() {
	}

	public static void main(String[] args) {
		StandardEnvironment launch = new StandardEnvironment();
		launch.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
		boolean external = launch.matchesProfiles("external");
		PrintWriter console = new PrintWriter(System.out, true);
		if (external && !hasExternalSettings(launch, console)) {
			System.exit(2);
		}
		EmbeddedServers servers = EmbeddedServers.start(launch, external);
		ConfigurableApplicationContext orders;
		try {
			orders = startOrdersService(servers, args);
		}
		catch (RuntimeException ex) {
			servers.close();
			throw ex;
		}
		AtomicBoolean stopping = new AtomicBoolean();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			stopping.set(true);
			orders.close();
			servers.close();
		}, "sample-shutdown"));

		printHeader(console, launch, servers, orders, external);
		DemoReport report;
		try {
			report = orders.getBean(DemoFlow.class).runTour(console);
		}
		catch (RuntimeException ex) {
			if (stopping.get()) {
				return;
			}
			throw ex;
		}
		if (launch.getProperty("demo.exit-after-flow", Boolean.class, false)) {
			orders.close();
			servers.close();
			System.exit(report.passed() ? 0 : 1);
		}
		console.printf("%nStill serving: open %s/demo to run the calls again. Ctrl-C stops.%n",
				EmbeddedServers.loopbackUrl(orders));
	}

	/**
	 * The client side, like any Boot application: {@code application.yml}, the command-line arguments, and the
	 * servers' URLs and the generated secret for its {@code demo.*} placeholders.
	 */
	private static ConfigurableApplicationContext startOrdersService(EmbeddedServers servers, String[] args) {
		return EmbeddedServers.application(OrdersServiceApp.class, servers.orderServiceProperties()).run(args);
	}

	private static void printHeader(PrintWriter console, PropertyResolver launch, EmbeddedServers servers,
			ConfigurableApplicationContext orders, boolean external) {
		console.println();
		console.println("oauth-client-spring-boot sample: service-to-service authentication, all in this JVM");
		if (external) {
			String tokenUri = orders.getEnvironment().getProperty("oauth.client.token-uri", "");
			console.printf("  authorization server  %s  yours (external profile)%n", tokenUri.isBlank()
					? orders.getEnvironment().getProperty("oauth.client.issuer-uri") + " (token endpoint discovered)"
					: tokenUri);
		}
		else {
			console.printf("  authorization server  %s  Spring Authorization Server; client orders-service, tokens"
					+ " live %s%n", servers.orderServiceProperties().get("demo.authorization-server.url"),
					launch.getProperty("demo.token-lifetime", "8s"));
		}
		console.printf("  inventory API         %s  Spring Security resource server, checks each JWT%n",
				servers.orderServiceProperties().get("demo.inventory-api.url"));
		console.printf("  orders service        %s  the client: oauth.client.* in application.yml, a RestClient"
				+ " from Boot's builder, no OAuth code%n", EmbeddedServers.loopbackUrl(orders));
		console.println("  Tokens and secrets are never printed: only a token's type, length, scope and expiry.");
	}

	private static boolean hasExternalSettings(PropertyResolver launch, PrintWriter console) {
		List<String> missing = EXTERNAL_SETTINGS.stream().filter((name) -> !launch.containsProperty(name)).toList();
		boolean hasEndpoint = launch.containsProperty("OAUTH_CLIENT_TOKEN_URI")
				|| launch.containsProperty("OAUTH_CLIENT_ISSUER_URI");
		if (missing.isEmpty() && hasEndpoint) {
			return true;
		}
		console.println("The external profile needs these environment variables (see the README's recipes):");
		console.println("  OAUTH_CLIENT_TOKEN_URI (or OAUTH_CLIENT_ISSUER_URI)  your server's token endpoint"
				+ (hasEndpoint ? "" : "   <- missing"));
		console.println("  OAUTH_CLIENT_CLIENT_ID, OAUTH_CLIENT_CLIENT_SECRET   the client's credentials");
		console.println("  DEMO_JWK_SET_URI                                      your server's JWK set, for the demo API");
		console.println("  optional: OAUTH_CLIENT_SCOPE, OAUTH_CLIENT_AUDIENCE, OAUTH_CLIENT_RESOURCE,"
				+ " OAUTH_CLIENT_AUTHENTICATION_METHOD, DEMO_REQUIRED_SCOPE");
		if (!missing.isEmpty()) {
			console.println("Missing: " + String.join(", ", missing));
		}
		return false;
	}

}
