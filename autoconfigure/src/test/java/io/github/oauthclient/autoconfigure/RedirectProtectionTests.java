package io.github.oauthclient.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

import io.github.oauthclient.testsupport.ClientApplication;
import io.github.oauthclient.testsupport.FaultInjectingTokenEndpoint;
import io.github.oauthclient.testsupport.RecordedRequest;
import io.github.oauthclient.testsupport.RecordingServer;
import io.github.oauthclient.testsupport.Reply;

/**
 * A configured resource that answers with a redirect to another origin (another loopback port) must never make the
 * token go there: not in the Authorization header, not in the query, not in a re-sent form body. Checked for
 * RestTemplate and RestClient from Boot's builders, under Boot's default redirect setting ({@code spring.http.clients
 * .redirects} unset: follow when possible), with the HTTP client Boot picks by default and with each imperative
 * client on the class path. Requests that carry no token still follow redirects.
 */
class RedirectProtectionTests {

	private FaultInjectingTokenEndpoint tokens;

	private RecordingServer resource;

	private RecordingServer elsewhere;

	private RecordingServer unlisted;

	@BeforeEach
	void startServers() {
		tokens = FaultInjectingTokenEndpoint.start();
		elsewhere = RecordingServer.start();
		resource = RecordingServer.start().answer((request, sequence) -> redirect(request.path().endsWith("307")
				? 307 : 302, elsewhere.baseUrl() + "/landing"));
		unlisted = RecordingServer.start().answer((request, sequence) -> redirect(302,
				elsewhere.baseUrl() + "/public-landing"));
	}

	@AfterEach
	void stopServers() {
		tokens.close();
		resource.close();
		elsewhere.close();
		unlisted.close();
	}

	@ParameterizedTest
	@ValueSource(strings = { "default", "jdk", "simple" })
	void theTokenNeverFollowsARedirectToAnotherOrigin(String factory) {
		try (ConfigurableApplicationContext client = startClient(factory, "auth_header")) {
			RestTemplate restTemplate = client.getBean(RestTemplate.class);
			RestClient restClient = client.getBean(RestClient.class);
			restTemplate.getForEntity(resource.baseUrl() + "/api/302", String.class);
			restClient.get().uri(resource.baseUrl() + "/api/302").retrieve().toEntity(String.class);
			restTemplate.postForEntity(resource.baseUrl() + "/api/307", Map.of("a", 1), String.class);
			restClient.post().uri(resource.baseUrl() + "/api/307").contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("a", 1)).retrieve().toEntity(String.class);
			assertThat(resource.requests()).hasSize(4)
				.allSatisfy((request) -> assertThat(request.header("authorization")).startsWith("Bearer token-"));
			assertNoTokenAt(elsewhere);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "default", "jdk", "simple" })
	void aTokenInTheFormBodyIsNotResentToAnotherOrigin(String factory) {
		try (ConfigurableApplicationContext client = startClient(factory, "body")) {
			MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
			form.add("item", "1");
			client.getBean(RestTemplate.class).postForEntity(resource.baseUrl() + "/api/307", form, String.class);
			client.getBean(RestClient.class).post().uri(resource.baseUrl() + "/api/307")
				.contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form).retrieve().toEntity(String.class);
			assertThat(resource.requests()).hasSize(2)
				.allSatisfy((request) -> assertThat(request.body()).contains("access_token=token-"));
			assertNoTokenAt(elsewhere);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "default", "jdk", "simple" })
	void requestsWithoutATokenStillFollowRedirects(String factory) {
		try (ConfigurableApplicationContext client = startClient(factory, "auth_header")) {
			client.getBean(RestTemplate.class).getForEntity(unlisted.baseUrl() + "/x", String.class);
			client.getBean(RestClient.class).get().uri(unlisted.baseUrl() + "/y").retrieve().toEntity(String.class);
			List<RecordedRequest> landed = elsewhere.requests();
			assertThat(landed).extracting(RecordedRequest::path).containsExactly("/public-landing", "/public-landing");
			assertThat(unlisted.requests()).allSatisfy((request) -> assertThat(request.header("authorization")).isNull());
		}
	}

	private static void assertNoTokenAt(RecordingServer server) {
		assertThat(server.requests()).allSatisfy((request) -> {
			assertThat(request.header("authorization")).as("Authorization at the redirect target").isNull();
			assertThat(String.valueOf(request.query())).doesNotContain("token-");
			assertThat(request.body()).doesNotContain("token-");
		});
	}

	private static Reply redirect(int status, String location) {
		return Reply.of(status, "text/plain", "").withHeader("Location", location);
	}

	private ConfigurableApplicationContext startClient(String factory, String placement) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.main.banner-mode", "off");
		properties.put("spring.main.log-startup-info", "false");
		properties.put("spring.jmx.enabled", "false");
		if (!factory.equals("default")) {
			properties.put("spring.http.clients.imperative.factory", factory);
		}
		properties.put("oauth.client.token-uri", tokens.tokenUri());
		properties.put("oauth.client.client-id", "orders");
		properties.put("oauth.client.client-secret", "secret");
		properties.put("oauth.client.token-placement", placement);
		properties.put("oauth.client.resource-urls", resource.baseUrl() + "/api");
		return new SpringApplicationBuilder(ClientApplication.class).web(WebApplicationType.NONE)
			.properties(properties)
			.run();
	}

}
