package io.github.oauthclient.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

import io.github.oauthclient.core.BackendApplicationClient;
import io.github.oauthclient.core.OAuth2Token;
import io.github.oauthclient.testsupport.ClientApplication;
import io.github.oauthclient.testsupport.FaultInjectingTokenEndpoint;
import io.github.oauthclient.testsupport.RecordingServer;
import io.github.oauthclient.testsupport.Reply;
import io.github.oauthclient.token.CachingTokenProvider;
import io.github.oauthclient.token.TokenProvider;

/**
 * The secret scan: a whole client application runs the full flow (start-up, cold fetch, 401 retry, renewal ahead of
 * expiry, token endpoint errors that even echo the secret, a start-up failure) with every logger at TRACE
 * ({@code logging.level.root=TRACE}, so {@code org.springframework}, the HTTP clients and the starter included).
 * Everything written to the console, every exception message and stack trace, the Actuator health output and the
 * {@code toString()} of every bean of the starter are collected, and neither the client secret, nor its Basic
 * credentials, nor any access token ever issued may appear in them.
 *
 * <p>The token endpoint and the resource are JDK {@code HttpServer}s in this JVM, which log nothing of what they
 * receive, so everything captured is the client's own output.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretHygieneTests {

	private static final String SECRET = "Hyg1ene-s3cret/+=" + UUID.randomUUID();

	private static final String CLIENT_ID = "hygiene-client";

	private final List<String> issued = new CopyOnWriteArrayList<>();

	private volatile long lifetimeSeconds = 4;

	private final StringBuilder collected = new StringBuilder();

	private FaultInjectingTokenEndpoint tokens;

	private RecordingServer api;

	private ch.qos.logback.classic.Level rootLevel;

	@BeforeEach
	void startServers() {
		rootLevel = rootLogger().getLevel();
		tokens = FaultInjectingTokenEndpoint.start();
		tokens.setDefault((request, sequence) -> {
			String token = "AT" + sequence + "x" + UUID.randomUUID().toString().replace("-", "");
			issued.add(token);
			return Reply.token(token, lifetimeSeconds);
		});
		api = RecordingServer.start();
		api.answer((request, sequence) -> {
			String authorization = request.header("authorization");
			boolean revoked = authorization != null && !issued.isEmpty()
					&& authorization.equals("Bearer " + issued.get(0));
			return revoked ? Reply.of(401, "text/plain", "") : Reply.json(200, "{\"ok\":true}");
		});
	}

	@AfterEach
	void stopServers() {
		tokens.close();
		api.close();
		// logging.level.root=TRACE outlives the application context: restore the level for the tests that follow
		rootLogger().setLevel(rootLevel);
	}

	private static ch.qos.logback.classic.Logger rootLogger() {
		return (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
	}

	@Test
	void neitherTheSecretNorAnyTokenAppearsAnywhere(CapturedOutput output) throws Exception {
		try (ConfigurableApplicationContext client = startClient(Map.of())) {
			RestClient restClient = client.getBean(RestClient.class);
			RestTemplate restTemplate = client.getBean(RestTemplate.class);
			// cold fetch; the first token is "revoked" at the API: 401, invalidation, retry with a fresh token
			restClient.get().uri(api.baseUrl() + "/api/1").retrieve().toBodilessEntity();
			restTemplate.getForObject(api.baseUrl() + "/api/2", String.class);
			assertThat(api.requests()).extracting((request) -> request.header("authorization")).hasSize(3)
				.allSatisfy((authorization) -> assertThat(authorization).startsWith("Bearer AT"));
			// renewal ahead of expiry (4 s tokens are renewed in their last second)
			int before = tokens.requestCount();
			await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).until(() -> {
				restClient.get().uri(api.baseUrl() + "/api/3").retrieve().toBodilessEntity();
				return tokens.requestCount() > before;
			});
			// token endpoint errors, one of which echoes the secret, then an HTML page and a dropped connection
			TokenProvider provider = client.getBean(OAuthClientRegistry.class).tokenProvider("default");
			lifetimeSeconds = 3600; // no background renewal may take the scripted errors below
			provider.invalidate(provider.token());
			assertThat(provider.token().accessToken()).isEqualTo(issued.get(issued.size() - 1));
			tokens.enqueue(Reply.error(401, "invalid_client", "client secret " + SECRET + " is wrong"),
					Reply.of(500, "text/html", "<html>proxy error " + SECRET + "</html>"),
					Reply.droppedConnection());
			provider.invalidate(provider.token());
			for (int i = 0; i < 3; i++) {
				Throwable failure = catchFailure(() -> restClient.get().uri(api.baseUrl() + "/api/e").retrieve()
					.toBodilessEntity());
				assertThat(failure).as("token request failure " + i).isNotNull();
				collect(failure);
				Thread.sleep(1100); // past the failure cool-down, so the next call asks the endpoint again
			}
			// Actuator health and the starter's objects
			HealthEndpoint health = client.getBean(HealthEndpoint.class);
			String healthJson = JsonMapper.builder().build().writeValueAsString(health.health());
			assertThat(healthJson).contains("oauthClient").contains("lastSuccess");
			collected.append(healthJson).append('\n');
			OAuthClientRegistry registry = client.getBean(OAuthClientRegistry.class);
			OAuthClientRegistration registration = registry.registration("default");
			OAuth2Token token = registration.tokenProvider().token();
			for (Object object : List.of(client.getBean(OAuthClientProperties.class), registry, registration,
					registration.client(), registration.tokenProvider(),
					((CachingTokenProvider) registration.tokenProvider()).delegate(),
					((CachingTokenProvider) registration.tokenProvider()).status(), registration.route(),
					registration.interceptor(), token)) {
				collected.append(object).append('\n');
			}
			assertThat(registration.client().toString()).as("the client holds a token now").isNotEmpty();
		}
		// a start-up failure with the secret configured
		Throwable startupFailure = catchFailure(() -> startClient(Map.of("oauth.client.token-placement", "header")));
		assertThat(startupFailure).hasStackTraceContaining("oauth.client.token-placement");
		collect(startupFailure);

		String everything = output.getAll() + "\n" + collected;
		assertThat(output.getAll()).as("TRACE was on").contains("TRACE").contains("DEBUG");
		assertThat(issued).as("tokens issued").hasSizeGreaterThanOrEqualTo(3);
		assertThat(everything).doesNotContain(SECRET);
		assertThat(everything).doesNotContain(basicCredentials());
		for (String token : issued) {
			assertThat(everything).as("access token " + token.substring(0, 4) + "...").doesNotContain(token);
		}
	}

	@Test
	void toStringMasksSecretsAndTokens() {
		OAuth2Token token = BackendApplicationClient.builder(CLIENT_ID).build()
			.parseRequestBodyResponse("{\"access_token\":\"AT-visible-nowhere\",\"token_type\":\"Bearer\","
					+ "\"refresh_token\":\"RT-visible-nowhere\",\"expires_in\":60}");
		assertThat(token.toString()).doesNotContain("AT-visible-nowhere").doesNotContain("RT-visible-nowhere");
		BackendApplicationClient client = BackendApplicationClient.builder(CLIENT_ID).build();
		client.parseRequestBodyResponse("{\"access_token\":\"AT-visible-nowhere\",\"token_type\":\"Bearer\"}");
		assertThat(client.toString()).doesNotContain("AT-visible-nowhere");
		io.github.oauthclient.token.TokenEndpointSettings settings = RegistrationAssembler.settings(
				RegistrationResolver.resolveDefault(properties()));
		assertThat(settings.toString()).doesNotContain(SECRET).contains(CLIENT_ID);
		assertThat(RegistrationResolver.resolveDefault(properties()).toString()).doesNotContain(SECRET)
			.contains("******");
		assertThat(properties().toString()).doesNotContain(SECRET);
	}

	private OAuthClientProperties properties() {
		OAuthClientProperties properties = new OAuthClientProperties();
		properties.setTokenUri(tokens.tokenUri());
		properties.setClientId(CLIENT_ID);
		properties.setClientSecret(SECRET);
		return properties;
	}

	private void collect(Throwable failure) {
		StringWriter trace = new StringWriter();
		failure.printStackTrace(new PrintWriter(trace));
		collected.append(failure.getMessage()).append('\n').append(trace).append('\n');
	}

	private static Throwable catchFailure(Runnable action) {
		try {
			action.run();
			return null;
		}
		catch (Throwable ex) {
			return ex;
		}
	}

	private static String basicCredentials() {
		return Base64.getEncoder().encodeToString((CLIENT_ID + ":" + SECRET).getBytes(StandardCharsets.UTF_8))
			.substring(0, 24);
	}

	private ConfigurableApplicationContext startClient(Map<String, Object> more) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("logging.level.root", "TRACE");
		properties.put("spring.main.banner-mode", "off");
		properties.put("spring.jmx.enabled", "false");
		properties.put("management.endpoint.health.show-details", "always");
		properties.put("oauth.client.token-uri", tokens.tokenUri());
		properties.put("oauth.client.client-id", CLIENT_ID);
		properties.put("oauth.client.client-secret", SECRET);
		properties.put("oauth.client.resource-urls", api.baseUrl() + "/api");
		properties.put("oauth.client.retry.max-attempts", "1");
		properties.putAll(more);
		return new SpringApplicationBuilder(ClientApplication.class).web(WebApplicationType.NONE)
			.properties(properties)
			.run();
	}

}
