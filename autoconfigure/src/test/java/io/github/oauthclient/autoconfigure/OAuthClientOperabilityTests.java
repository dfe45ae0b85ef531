package io.github.oauthclient.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import io.github.oauthclient.core.OAuth2Token;
import io.github.oauthclient.observation.ObservationTokenRequestObserver;
import io.github.oauthclient.observation.TokenCacheMeterBinder;
import io.github.oauthclient.testsupport.FaultInjectingTokenEndpoint;
import io.github.oauthclient.testsupport.LogCapture;
import io.github.oauthclient.testsupport.Reply;
import io.github.oauthclient.token.TokenAcquisitionException;
import io.github.oauthclient.token.TokenProvider;

/**
 * Metrics, health and logs of a whole application (every auto-configuration on the class path, Actuator included)
 * fetching tokens from a real loopback token endpoint: the {@code oauth.client.token.request} timer with its
 * registration, kind and outcome tags, the cache counters, the {@code oauthClient} health contributor through its
 * states, and the start-up and DEBUG log lines.
 */
@ExtendWith(OutputCaptureExtension.class)
class OAuthClientOperabilityTests {

	private static final String SECRET = "s3cr3t-that-must-never-show";

	private FaultInjectingTokenEndpoint endpoint;

	private ConfigurableApplicationContext context;

	@BeforeEach
	void startEndpoint() {
		endpoint = FaultInjectingTokenEndpoint.start();
	}

	@AfterEach
	void stop() {
		if (context != null) {
			context.close();
		}
		endpoint.close();
	}

	@Test
	void beansAreThereWithMicrometerAndActuator() {
		context = start(Map.of());
		assertThat(context.getBean(ObservationTokenRequestObserver.class)).isNotNull();
		assertThat(context.getBean(TokenCacheMeterBinder.class)).isNotNull();
		assertThat(context.getBean("oauthClientHealthContributor")).isInstanceOf(CompositeHealthContributor.class);
	}

	@Test
	void healthGoesFromUnknownToUpToDownAndNeverStartsARequest() {
		context = start(Map.of());
		assertThat(health("default").getStatus()).isEqualTo(Status.UNKNOWN);
		assertThat(health("default").getStatus()).isEqualTo(Status.UNKNOWN);
		assertThat(endpoint.requestCount()).as("health checks start no token request").isZero();

		TokenProvider tokens = registry().tokenProvider("default");
		OAuth2Token token = tokens.token();
		Health up = health("default");
		assertThat(up.getStatus()).isEqualTo(Status.UP);
		assertThat(up.getDetails()).containsKeys("tokenExpiresInSeconds", "lastSuccess")
			.doesNotContainKey("lastError");
		assertThat((Long) up.getDetails().get("tokenExpiresInSeconds")).isBetween(3000L, 3600L);

		endpoint.enqueue(Reply.error(401, "invalid_client", "Client authentication failed"));
		tokens.invalidate(token);
		assertThatThrownBy(tokens::token).isInstanceOf(TokenAcquisitionException.class);
		Health down = health("default");
		assertThat(down.getStatus()).isEqualTo(Status.DOWN);
		assertThat(down.getDetails()).containsEntry("lastError", "invalid_client")
			.containsKeys("lastSuccess", "lastFailure")
			.doesNotContainKey("tokenExpiresInSeconds");
		assertThat(down.toString()).doesNotContain(token.accessToken()).doesNotContain(SECRET);
		assertThat(endpoint.requestCount()).isEqualTo(2);
	}

	@Test
	void everyTokenRequestIsTimedWithRegistrationKindAndOutcome() throws IOException {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("oauth.client.resource-urls", "http://127.0.0.1:1/a");
		properties.put("oauth.client.retry.max-attempts", "2");
		properties.put("oauth.client.retry.backoff", "10ms");
		properties.put("oauth.client.registrations.offline.token-uri", "http://127.0.0.1:" + closedPort() + "/token");
		properties.put("oauth.client.registrations.offline.client-id", "offline");
		properties.put("oauth.client.registrations.offline.client-secret", SECRET);
		properties.put("oauth.client.registrations.offline.resource-urls", "http://127.0.0.1:1/b");
		properties.put("oauth.client.registrations.offline.retry.max-attempts", "1");
		context = start(properties);
		MeterRegistry meters = context.getBean(MeterRegistry.class);
		TokenProvider tokens = registry().tokenProvider("default");

		// cold fetch after one 503 (retried), then cache hits
		endpoint.enqueue(Reply.error(503, "temporarily_unavailable", "busy"), Reply.token("short-lived", 4));
		OAuth2Token first = tokens.token();
		tokens.token();
		tokens.token();
		// retry after 401
		tokens.invalidate(first);
		tokens.token();
		// renewal ahead of expiry, once the 4 s token of the cold fetch... was replaced by a 1 h one: use a new short one
		endpoint.enqueue(Reply.token("short-2", 4));
		tokens.invalidate(tokens.token());
		OAuth2Token shortOne = tokens.token();
		assertThat(shortOne.accessToken()).isEqualTo("short-2");
		await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
			tokens.token();
			return endpoint.requestCount() == 5;
		});
		// an I/O error on the other registration
		assertThatThrownBy(() -> registry().tokenProvider("offline").token())
			.isInstanceOf(TokenAcquisitionException.class);

		await().atMost(Duration.ofSeconds(5)).until(() -> timerCount(meters, "default", "renewal", "success") == 1);
		assertThat(timerCount(meters, "default", "cold_fetch", "success")).isEqualTo(1);
		assertThat(timerCount(meters, "default", "retry_after_401", "success")).isEqualTo(2);
		assertThat(timerCount(meters, "offline", "cold_fetch", "io_error")).isEqualTo(1);
		assertThat(meters.find("oauth.client.token.request").timers()).allSatisfy((timer) -> assertThat(
				timer.getId().getTags()).extracting("key").containsExactlyInAnyOrder("registration", "kind", "outcome",
						"error"));

		assertThat(counter(meters, "oauth.client.token.retries", "default")).isEqualTo(1);
		assertThat(counter(meters, "oauth.client.token.retries", "offline")).isZero();
		assertThat(counter(meters, "oauth.client.token.invalidations", "default")).isEqualTo(2);
		assertThat(counter(meters, "oauth.client.token.cache.hits", "default")).isGreaterThanOrEqualTo(3);
	}

	@Test
	void startUpLogsOneInfoLinePerRegistrationAndDebugNamesTheRegistration(CapturedOutput output) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("oauth.client.resource-urls", "https://api.example.com/orders");
		properties.put("oauth.client.registrations.billing.client-id", "billing-client");
		properties.put("oauth.client.registrations.billing.client-secret", SECRET);
		properties.put("oauth.client.registrations.billing.authentication-method", "client_secret_post");
		properties.put("oauth.client.registrations.billing.resource-urls", "https://billing.example.com");
		// Boot resets the logging system while it starts, so the start-up lines are read from the console
		context = start(properties);
		assertThat(output.getAll()).contains("OAuth client registration 'default': token URI " + endpoint.tokenUri()
				+ ", client id 'orders', authentication method client_secret_basic, token placement auth_header,"
				+ " tokens sent to https://api.example.com:443/orders")
			.contains("OAuth client registration 'billing': token URI " + endpoint.tokenUri()
					+ ", client id 'billing-client', authentication method client_secret_post");
		try (LogCapture logs = LogCapture.atTrace("io.github.oauthclient")) {
			OAuth2Token token = registry().tokenProvider("billing").token();
			registry().tokenProvider("billing").invalidate(token);
			registry().tokenProvider("billing").token();
			String text = logs.text();
			assertThat(text).contains("DEBUG Requesting an access token for registration 'billing' (no usable token"
					+ " cached)")
				.contains("DEBUG Cached a new access token of registration 'billing'")
				.contains("DEBUG Dropped the rejected access token of registration 'billing'")
				.contains("DEBUG Requesting an access token for registration 'billing' (the last token was rejected"
						+ " with 401)")
				.contains("Token request of registration 'billing' to " + endpoint.tokenUri() + ": HTTP 200");
			assertThat(text).doesNotContain(SECRET).doesNotContain("token-1").doesNotContain("token-2");
		}
		assertThat(output.getAll()).doesNotContain(SECRET);
	}

	private static long timerCount(MeterRegistry meters, String registration, String kind, String outcome) {
		Timer timer = meters.find("oauth.client.token.request")
			.tags("registration", registration, "kind", kind, "outcome", outcome)
			.timer();
		return (timer != null) ? timer.count() : 0;
	}

	private static double counter(MeterRegistry meters, String name, String registration) {
		FunctionCounter counter = meters.find(name).tag("registration", registration).functionCounter();
		assertThat(counter).as(name + " of " + registration).isNotNull();
		return counter.count();
	}

	private Health health(String registration) {
		CompositeHealthContributor contributor = context.getBean("oauthClientHealthContributor",
				CompositeHealthContributor.class);
		return ((HealthIndicator) contributor.getContributor(registration)).health(true);
	}

	private OAuthClientRegistry registry() {
		return context.getBean(OAuthClientRegistry.class);
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private ConfigurableApplicationContext start(Map<String, Object> more) {
		Map<String, Object> all = new LinkedHashMap<>();
		all.put("spring.main.banner-mode", "off");
		all.put("spring.main.log-startup-info", "false");
		all.put("spring.jmx.enabled", "false");
		all.put("oauth.client.token-uri", endpoint.tokenUri());
		all.put("oauth.client.client-id", "orders");
		all.put("oauth.client.client-secret", SECRET);
		all.putAll(more);
		return new SpringApplicationBuilder(Application.class).web(WebApplicationType.NONE).properties(all).run();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

	}
}
