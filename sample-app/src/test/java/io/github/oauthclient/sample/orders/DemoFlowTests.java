package io.github.oauthclient.sample.orders;

import java.io.PrintWriter;
import java.io.StringWriter;

import io.github.oauthclient.sample.EmbeddedServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the demo flow against the real embedded servers, all on random loopback ports: the orders service as a
 * {@code @SpringBootTest} configured by its own {@code application.yml}, the authorization server and the inventory
 * API started by {@link EmbeddedServers} exactly as {@code SampleApplication} starts them.
 */
@SpringBootTest(classes = OrdersServiceApp.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoFlowTests {

	private static EmbeddedServers servers;

	@Autowired
	private DemoFlow flow;

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void embeddedServers(DynamicPropertyRegistry registry) {
		servers = EmbeddedServers.start(new StandardEnvironment(), false);
		servers.orderServiceProperties().forEach((name, value) -> registry.add(name, () -> value));
	}

	@AfterAll
	static void stopServers() {
		if (servers != null) {
			servers.close();
		}
	}

	@Test
	@Order(1)
	void tourShowsAuthenticatedCallsRenewalAheadOfExpiryAndAHealed401() {
		StringWriter console = new StringWriter();
		DemoReport report = this.flow.runTour(new PrintWriter(console));
		String narration = console.toString();

		assertThat(report.problems()).as(narration).isEmpty();
		// 8 concurrent first calls, at least 3 during renewal, 2 around the revocation
		assertThat(report.succeededCalls()).as(narration).isGreaterThanOrEqualTo(DemoFlow.CONCURRENT_CALLERS + 5);
		assertThat(report.failedCalls()).as(narration).isZero();
		assertThat(report.renewals()).as(narration).isGreaterThanOrEqualTo(1);
		assertThat(report.healed401s()).as(narration).isEqualTo(1);
		// the first token, at least one renewal, the token fetched to heal the 401
		assertThat(report.tokenRequests()).as(narration).isGreaterThanOrEqualTo(3);
		assertThat(narration).contains("token requests the authorization server received: 1  (one token, shared by all"
				+ " threads)");
	}

	@Test
	@Order(2)
	void demoEndpointRunsTheCallsOnDemand() {
		String page = RestClient.create().get().uri("http://127.0.0.1:" + this.port + "/demo").retrieve()
			.body(String.class);

		assertThat(page).contains("GET /api/inventory -> 200")
			.contains("the API answered 401, the client dropped token")
			.contains("Everything happened as described.");
	}

	@Test
	@Order(3)
	void narrationNeverShowsTheTokenOrTheSecret() {
		StringWriter console = new StringWriter();
		this.flow.runOnDemand(new PrintWriter(console));

		String secret = (String) servers.orderServiceProperties().get("demo.client-secret");
		assertThat(console.toString()).doesNotContain(secret).doesNotContain("eyJ");
	}

}
