package io.github.oauthclient.sample;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

import io.github.oauthclient.sample.authserver.AuthorizationServerApp;
import io.github.oauthclient.sample.orders.DemoFlow;
import io.github.oauthclient.sample.orders.DemoReport;
import io.github.oauthclient.sample.orders.OrdersServiceApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code external} profile, pointed at an authorization server the sample does not start itself: a separate
 * Spring Authorization Server, reached only through the variables a user sets ({@code OAUTH_CLIENT_ISSUER_URI},
 * {@code OAUTH_CLIENT_CLIENT_ID}, {@code OAUTH_CLIENT_CLIENT_SECRET}, {@code OAUTH_CLIENT_SCOPE},
 * {@code DEMO_JWK_SET_URI}), with the token endpoint discovered from the issuer.
 */
@SpringBootTest(classes = OrdersServiceApp.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("external")
class ExternalProfileTests {

	private static final String CLIENT_SECRET = "a-secret/with+reserved%characters";

	private static ConfigurableApplicationContext theirAuthorizationServer;

	private static EmbeddedServers servers;

	@Autowired
	private DemoFlow flow;

	@DynamicPropertySource
	static void externalAuthorizationServer(DynamicPropertyRegistry registry) {
		theirAuthorizationServer = EmbeddedServers
			.application(AuthorizationServerApp.class,
					Map.of("server.port", "0", "demo.client-secret", CLIENT_SECRET))
			.properties("spring.config.name=" + AuthorizationServerApp.CONFIG_NAME)
			.run();
		String issuer = EmbeddedServers.loopbackUrl(theirAuthorizationServer);
		servers = EmbeddedServers.start(new MockEnvironment().withProperty("DEMO_JWK_SET_URI", issuer + "/oauth2/jwks"),
				true);
		servers.orderServiceProperties().forEach((name, value) -> registry.add(name, () -> value));
		registry.add("OAUTH_CLIENT_ISSUER_URI", () -> issuer);
		registry.add("OAUTH_CLIENT_CLIENT_ID", () -> "orders-service");
		registry.add("OAUTH_CLIENT_CLIENT_SECRET", () -> CLIENT_SECRET);
		registry.add("OAUTH_CLIENT_SCOPE", () -> "inventory.read");
	}

	@AfterAll
	static void stopServers() {
		if (servers != null) {
			servers.close();
		}
		if (theirAuthorizationServer != null) {
			theirAuthorizationServer.close();
		}
	}

	@Test
	void sameFlowAgainstAnAuthorizationServerKnownOnlyFromTheVariables() {
		StringWriter console = new StringWriter();
		DemoReport report = this.flow.runTour(new PrintWriter(console));
		String narration = console.toString();

		assertThat(servers.hasAuthorizationServer()).isFalse();
		assertThat(report.problems()).as(narration).isEmpty();
		assertThat(report.failedCalls()).as(narration).isZero();
		assertThat(report.renewals()).as(narration).isGreaterThanOrEqualTo(1);
		assertThat(report.healed401s()).as(narration).isEqualTo(1);
		// the demo cannot look inside someone else's authorization server
		assertThat(report.tokenRequests()).as(narration).isEqualTo(-1);
		assertThat(narration).doesNotContain(CLIENT_SECRET);
	}

}
