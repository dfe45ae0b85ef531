package io.github.oauthclient.autoconfigure;

import static io.github.oauthclient.testsupport.AuthorizationServerFixture.BASIC_CLIENT_ID;
import static io.github.oauthclient.testsupport.AuthorizationServerFixture.POST_CLIENT_ID;
import static io.github.oauthclient.testsupport.AuthorizationServerFixture.POST_CLIENT_SECRET;
import static io.github.oauthclient.testsupport.AuthorizationServerFixture.SCOPE_READ;
import static io.github.oauthclient.testsupport.AuthorizationServerFixture.TRICKY_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

import io.github.oauthclient.testsupport.ClientApplication;
import io.github.oauthclient.testsupport.AuthorizationServerFixture;
import io.github.oauthclient.testsupport.LogCapture;
import io.github.oauthclient.testsupport.ProtectedApiFixture;
import io.github.oauthclient.testsupport.ProtectedApiFixture.ApiRequest;

/**
 * End to end, over real HTTP on loopback: a Spring Authorization Server issues the tokens, a Spring Security resource
 * server validates them, and a client application whose only code is a RestTemplate and a RestClient built from
 * Boot's builders ({@link ClientApplication}) calls the API, configured by properties alone.
 */
class OAuthClientEndToEndTests {

	private static final ParameterizedTypeReference<Map<String, Object>> STRING_MAP =
			new ParameterizedTypeReference<>() {
			};

	private static AuthorizationServerFixture server;

	private static ProtectedApiFixture api;

	@BeforeAll
	static void startServers() {
		server = AuthorizationServerFixture.start();
		api = ProtectedApiFixture.start(server);
	}

	@AfterAll
	static void stopServers() {
		api.close();
		server.close();
	}

	@BeforeEach
	void reset() {
		api.rejectAllTokens(false);
		api.clearRequests();
	}

	@Test
	void twoRegistrationsAreRoutedByResourceUrlsAndOtherHostsGetNoToken() {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("oauth.client.token-uri", server.tokenUri());
		properties.put("oauth.client.scope", SCOPE_READ);
		properties.put("oauth.client.registrations.orders.client-id", BASIC_CLIENT_ID);
		properties.put("oauth.client.registrations.orders.client-secret", TRICKY_SECRET);
		properties.put("oauth.client.registrations.orders.resource-urls", api.baseUrl() + "/orders");
		properties.put("oauth.client.registrations.billing.client-id", POST_CLIENT_ID);
		properties.put("oauth.client.registrations.billing.client-secret", POST_CLIENT_SECRET);
		properties.put("oauth.client.registrations.billing.authentication-method", "client_secret_post");
		properties.put("oauth.client.registrations.billing.resource-urls", api.baseUrl() + "/billing");
		try (ConfigurableApplicationContext client = startClient(properties)) {
			RestTemplate restTemplate = client.getBean(RestTemplate.class);
			RestClient restClient = client.getBean(RestClient.class);
			assertThat(restTemplate.getForObject(api.baseUrl() + "/orders/1", Map.class))
				.containsEntry("subject", BASIC_CLIENT_ID)
				.containsEntry("scope", List.of(SCOPE_READ));
			assertThat(restClient.get().uri(api.baseUrl() + "/billing/7").retrieve().body(Map.class))
				.containsEntry("subject", POST_CLIENT_ID);
			assertThat(restClient.get().uri(api.baseUrl() + "/orders/2").retrieve().body(Map.class))
				.containsEntry("subject", BASIC_CLIENT_ID);
			assertThat(restTemplate.getForObject(api.baseUrl() + "/billing/8", Map.class))
				.containsEntry("subject", POST_CLIENT_ID);
			// the same server under a host name no registration lists, and an unlisted path: no token at all
			String unlistedHost = "http://localhost:" + api.port() + "/public/ping";
			assertThat(restClient.get().uri(unlistedHost).retrieve().body(Map.class)).containsEntry("subject", null);
			assertThat(restTemplate.getForObject(api.baseUrl() + "/public/ping", Map.class))
				.containsEntry("subject", null);
			List<ApiRequest> requests = api.requests();
			assertThat(requests).extracting(ApiRequest::status).containsOnly(200);
			assertThat(requests.subList(4, 6)).extracting(ApiRequest::authorization).containsOnlyNulls();
			assertThat(requests.subList(4, 6)).extracting(ApiRequest::bearerToken).containsOnlyNulls();
			assertThat(requests.get(0).bearerToken()).as("the cached token is reused")
				.isEqualTo(requests.get(2).bearerToken());
		}
	}

	@Test
	void queryPlacement() {
		try (ConfigurableApplicationContext client = startClient(basicClient(Map.of(
				"oauth.client.token-placement", "query", "oauth.client.resource-urls", api.baseUrl())))) {
			Map<String, Object> echo = client.getBean(RestClient.class)
				.get()
				.uri(api.baseUrl() + "/orders?x=1")
				.retrieve()
				.body(STRING_MAP);
			assertThat(echo).containsEntry("subject", BASIC_CLIENT_ID)
				.containsEntry("parameters", Map.of("x", "1"));
			ApiRequest request = api.requests().get(0);
			assertThat(request.authorization()).isNull();
			assertThat(request.query()).startsWith("x=1&access_token=");
		}
	}

	@Test
	void bodyPlacement() {
		try (ConfigurableApplicationContext client = startClient(basicClient(Map.of(
				"oauth.client.token-placement", "body", "oauth.client.resource-urls", api.baseUrl() + "/forms")))) {
			MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
			form.add("item", "café crème");
			Map<String, Object> viaRestClient = client.getBean(RestClient.class)
				.post()
				.uri(api.baseUrl() + "/forms/orders")
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.body(form)
				.retrieve()
				.body(STRING_MAP);
			assertThat(viaRestClient).containsEntry("subject", BASIC_CLIENT_ID)
				.containsEntry("parameters", Map.of("item", "café crème"));
			Map<?, ?> viaRestTemplate = client.getBean(RestTemplate.class)
				.postForObject(api.baseUrl() + "/forms/orders", form, Map.class);
			assertThat(viaRestTemplate.get("subject")).isEqualTo(BASIC_CLIENT_ID);
			assertThat(api.requests()).allSatisfy((request) -> {
				assertThat(request.authorization()).isNull();
				assertThat(request.query()).isNull();
				assertThat(request.parameter("access_token")).isNotEmpty();
			});
			assertThatThrownBy(() -> client.getBean(RestClient.class)
				.get()
				.uri(api.baseUrl() + "/forms/orders")
				.retrieve()
				.body(Map.class)).hasStackTraceContaining("token-placement body");
		}
	}

	@Test
	void a401InvalidatesTheTokenAndRetriesOnceWithAFreshOne() {
		try (ConfigurableApplicationContext client = startClient(basicClient(Map.of(
				"oauth.client.resource-urls", api.baseUrl())))) {
			RestClient restClient = client.getBean(RestClient.class);
			restClient.get().uri(api.baseUrl() + "/orders/1").retrieve().body(Map.class);
			String first = api.requests().get(0).bearerToken();
			api.revoke(first);
			Map<String, Object> echo = restClient.post()
				.uri(api.baseUrl() + "/orders")
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("item", 42))
				.retrieve()
				.body(STRING_MAP);
			assertThat(echo).containsEntry("subject", BASIC_CLIENT_ID);
			List<ApiRequest> requests = api.requests();
			assertThat(requests).extracting(ApiRequest::status).containsExactly(200, 401, 200);
			assertThat(requests.get(1).bearerToken()).isEqualTo(first);
			assertThat(requests.get(2).bearerToken()).isNotEqualTo(first);
			assertThat(requests.get(2).method()).isEqualTo("POST");
		}
	}

	@Test
	void aSecond401IsReturnedToTheCaller() {
		try (ConfigurableApplicationContext client = startClient(basicClient(Map.of(
				"oauth.client.resource-urls", api.baseUrl())))) {
			RestTemplate restTemplate = client.getBean(RestTemplate.class);
			restTemplate.getForObject(api.baseUrl() + "/orders/1", Map.class);
			api.clearRequests();
			api.rejectAllTokens(true);
			assertThatThrownBy(() -> restTemplate.getForObject(api.baseUrl() + "/orders/1", Map.class))
				.isInstanceOf(HttpClientErrorException.Unauthorized.class);
			List<ApiRequest> requests = api.requests();
			assertThat(requests).extracting(ApiRequest::status).containsExactly(401, 401);
			assertThat(requests.get(0).bearerToken()).isNotEqualTo(requests.get(1).bearerToken());
		}
	}

	@Test
	void oneRegistrationWithoutResourceUrlsAuthenticatesEveryRequestButNeverOverPlainHttpToARemoteHost() {
		try (ConfigurableApplicationContext client = startClient(basicClient(Map.of()))) {
			RestClient restClient = client.getBean(RestClient.class);
			assertThat(restClient.get().uri("http://localhost:" + api.port() + "/anything").retrieve().body(Map.class))
				.containsEntry("subject", BASIC_CLIENT_ID);
			assertThatThrownBy(() -> restClient.get().uri("http://api.example.invalid/x").retrieve().body(Map.class))
				.hasStackTraceContaining("Refusing to send the access token")
				.hasStackTraceContaining("oauth.client.insecure-transport=true");
		}
	}

	@Test
	void issuerUriIsDiscoveredOnFirstUseNotAtStartUp() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		Map<String, Object> unreachable = new LinkedHashMap<>();
		unreachable.put("oauth.client.issuer-uri", "http://127.0.0.1:" + closedPort);
		unreachable.put("oauth.client.client-id", BASIC_CLIENT_ID);
		unreachable.put("oauth.client.client-secret", TRICKY_SECRET);
		try (ConfigurableApplicationContext client = startClient(unreachable)) {
			assertThat(client.isActive()).as("starts although the issuer is unreachable").isTrue();
		}
		Map<String, Object> discovered = new LinkedHashMap<>(unreachable);
		discovered.put("oauth.client.issuer-uri", server.issuer());
		try (ConfigurableApplicationContext client = startClient(discovered)) {
			assertThat(client.getBean(RestClient.class).get().uri(api.baseUrl() + "/orders").retrieve()
				.body(Map.class)).containsEntry("subject", BASIC_CLIENT_ID);
		}
	}

	@Test
	void neitherTheSecretNorAnyTokenReachesTheLogsEvenAtTrace() {
		// opened after start-up (Boot re-initializes logging when an application starts; tokens are fetched on
		// first use, so every exchange is captured); client-side loggers only: the API and the authorization server
		// run in this JVM too, and Tomcat logs the headers it receives at DEBUG
		try (ConfigurableApplicationContext client = startClient(basicClient(Map.of(
				"oauth.client.resource-urls", api.baseUrl())));
				LogCapture logs = LogCapture.atTrace("io.github.oauthclient", "org.springframework.web.client",
						"org.springframework.http", "org.springframework.boot.restclient",
						"org.springframework.boot.http", "org.springframework.core.log")) {
			RestClient restClient = client.getBean(RestClient.class);
			restClient.get().uri(api.baseUrl() + "/orders/1").retrieve().body(Map.class);
			api.revoke(api.requests().get(0).bearerToken());
			restClient.get().uri(api.baseUrl() + "/orders/2").retrieve().body(Map.class);
			client.getBean(RestTemplate.class).getForObject(api.baseUrl() + "/orders/3", Map.class);
			String text = logs.text();
			assertThat(text).as("the capture works").contains("rejected the token of OAuth client registration");
			assertThat(text).doesNotContain(TRICKY_SECRET);
			for (ApiRequest request : api.requests()) {
				assertThat(text).doesNotContain(request.bearerToken());
			}
		}
	}

	private static Map<String, Object> basicClient(Map<String, Object> more) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("oauth.client.token-uri", server.tokenUri());
		properties.put("oauth.client.client-id", BASIC_CLIENT_ID);
		properties.put("oauth.client.client-secret", TRICKY_SECRET);
		properties.putAll(more);
		return properties;
	}

	private static ConfigurableApplicationContext startClient(Map<String, Object> properties) {
		Map<String, Object> all = new LinkedHashMap<>(properties);
		all.put("spring.main.banner-mode", "off");
		all.put("spring.main.log-startup-info", "false");
		all.put("spring.jmx.enabled", "false");
		return new SpringApplicationBuilder(ClientApplication.class).web(WebApplicationType.NONE)
			.properties(all)
			.run();
	}

	/** The whole client application: clients from Boot's builders, nothing about OAuth. */

}
