package io.github.oauthclient.reactive;

import static io.github.oauthclient.testsupport.AuthorizationServerFixture.BASIC_CLIENT_ID;
import static io.github.oauthclient.testsupport.AuthorizationServerFixture.TRICKY_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.reactor.netty.NettyWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;

import io.github.oauthclient.testsupport.ProtectedApiFixture.ApiRequest;

/**
 * A WebFlux application on Reactor Netty whose only code is a WebClient from Boot's builder and a controller, calling
 * a Spring Security resource server with tokens from Spring Authorization Server, all in-process on loopback, with
 * BlockHound failing (and recording) any blocking call on an event loop.
 */
@WatchedByBlockHound
class WebFluxApplicationTests extends InProcessServersTestSupport {

	private static final int CONCURRENT_REQUESTS = 8;

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newHttpClient();

	@Test
	void blockHoundIsWatching() {
		assertThatThrownBy(() -> Mono.fromCallable(() -> {
			Thread.sleep(1);
			return 1;
		}).subscribeOn(Schedulers.parallel()).block()).hasCauseInstanceOf(BlockingOperationError.class);
		assertThat(BlockingCallDetector.detected()).singleElement().asString().contains("sleep");
		BlockingCallDetector.clear();
	}

	@Test
	void concurrentRequestsOnAColdCacheCauseOneTokenRequestAndRunOnEventLoops() throws Exception {
		try (ConfigurableApplicationContext client = startClient(properties(Map.of()))) {
			assertThat(((WebServerApplicationContext) client).getWebServer()).isInstanceOf(NettyWebServer.class);
			TokenEndpointGate.holdUntilArrivals(CONCURRENT_REQUESTS);
			List<CompletableFuture<Map<String, Object>>> calls = new ArrayList<>();
			for (int i = 0; i < CONCURRENT_REQUESTS; i++) {
				calls.add(callAsync(client, api.baseUrl() + "/orders/" + i));
			}
			for (CompletableFuture<Map<String, Object>> call : calls) {
				Map<String, Object> result = call.get();
				assertThat(result).containsEntry("status", 200);
				assertThat(result).as("the WebClient call starts on an event loop (Reactor NonBlocking thread)")
					.containsEntry("nonBlocking", true);
				assertThat(body(result)).containsEntry("subject", BASIC_CLIENT_ID);
			}
			assertThat(TokenEndpointGate.tokenRequests()).isEqualTo(1);
			List<ApiRequest> requests = api.requests();
			assertThat(requests).hasSize(CONCURRENT_REQUESTS).extracting(ApiRequest::status).containsOnly(200);
			assertThat(requests).extracting(ApiRequest::bearerToken).doesNotContainNull().containsOnly(
					requests.get(0).bearerToken());
		}
	}

	@Test
	void a401InvalidatesTheTokenAndRetriesOnceWithAFreshOne() throws Exception {
		try (ConfigurableApplicationContext client = startClient(properties(Map.of()))) {
			assertThat(call(client, api.baseUrl() + "/orders/1")).containsEntry("status", 200);
			String first = api.requests().get(0).bearerToken();
			api.revoke(first);
			Map<String, Object> healed = call(client, api.baseUrl() + "/orders/2");
			assertThat(healed).containsEntry("status", 200);
			assertThat(body(healed)).containsEntry("subject", BASIC_CLIENT_ID);
			List<ApiRequest> requests = api.requests();
			assertThat(requests).extracting(ApiRequest::status).containsExactly(200, 401, 200);
			assertThat(requests.get(1).bearerToken()).isEqualTo(first);
			assertThat(requests.get(2).bearerToken()).isNotNull().isNotEqualTo(first);
			assertThat(TokenEndpointGate.tokenRequests()).isEqualTo(2);

			api.clearRequests();
			api.rejectAllTokens(true);
			assertThat(call(client, api.baseUrl() + "/orders/3")).as("a second 401 goes to the caller")
				.containsEntry("status", 401);
			assertThat(api.requests()).extracting(ApiRequest::status).containsExactly(401, 401);
		}
	}

	@Test
	void queryPlacementAndUnlistedUrls() throws Exception {
		try (ConfigurableApplicationContext client = startClient(properties(Map.of(
				"oauth.client.token-placement", "query", "oauth.client.resource-urls", api.baseUrl() + "/orders")))) {
			Map<String, Object> result = call(client, api.baseUrl() + "/orders/1?x=1");
			assertThat(body(result)).containsEntry("subject", BASIC_CLIENT_ID)
				.containsEntry("parameters", Map.of("x", "1"));
			assertThat(call(client, api.baseUrl() + "/public/ping")).containsEntry("status", 200);
			List<ApiRequest> requests = api.requests();
			assertThat(requests.get(0).authorization()).isNull();
			assertThat(requests.get(0).parameter("access_token")).isNotNull();
			assertThat(requests.get(1).bearerToken()).as("a URL no registration lists gets no token").isNull();
		}
	}

	@Test
	void refusesPlainHttpToRemoteHostsAndBodyPlacement() {
		try (ConfigurableApplicationContext client = startClient(properties(Map.of()))) {
			WebClient webClient = client.getBean(WebClient.class);
			assertThatThrownBy(() -> webClient.get().uri("http://api.example.invalid/x").retrieve()
				.bodyToMono(String.class).block())
				.hasMessageContaining("Refusing to send the access token")
				.hasMessageContaining("oauth.client.insecure-transport=true");
		}
		try (ConfigurableApplicationContext client = startClient(properties(Map.of(
				"oauth.client.token-placement", "body", "oauth.client.resource-urls", api.baseUrl())))) {
			WebClient webClient = client.getBean(WebClient.class);
			assertThatThrownBy(() -> webClient.post().uri(api.baseUrl() + "/orders").bodyValue("a=1").retrieve()
				.bodyToMono(String.class).block())
				.hasMessageContaining("uses token-placement body, which WebClient requests cannot carry")
				.hasMessageContaining("Use token-placement auth_header");
			assertThat(TokenEndpointGate.tokenRequests()).as("no token fetched for a refused request").isZero();
		}
		assertThat(api.requests()).isEmpty();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> body(Map<String, Object> result) {
		return json.readValue((String) result.get("body"), Map.class);
	}

	private static Map<String, Object> call(ConfigurableApplicationContext client, String url) throws Exception {
		return callAsync(client, url).get();
	}

	@SuppressWarnings("unchecked")
	private static CompletableFuture<Map<String, Object>> callAsync(ConfigurableApplicationContext client,
			String url) {
		int port = ((WebServerApplicationContext) client).getWebServer().getPort();
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/call?url="
				+ URLEncoder.encode(url, StandardCharsets.UTF_8))).build();
		return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply((response) -> {
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			return (Map<String, Object>) json.readValue(response.body(), Map.class);
		});
	}

	private static Map<String, Object> properties(Map<String, Object> more) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("oauth.client.token-uri", server.tokenUri());
		properties.put("oauth.client.client-id", BASIC_CLIENT_ID);
		properties.put("oauth.client.client-secret", TRICKY_SECRET);
		properties.putAll(more);
		return properties;
	}

	private static ConfigurableApplicationContext startClient(Map<String, Object> properties) {
		return startClient(ReactiveClientApplication.class, WebApplicationType.REACTIVE, properties);
	}

	/** The whole client application: a WebClient from Boot's builder and a controller; nothing about OAuth. */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class ReactiveClientApplication {

		@Bean
		WebClient webClient(WebClient.Builder builder) {
			return builder.build();
		}

		@Bean
		SecurityWebFilterChain openToTheTest(ServerHttpSecurity http) {
			return http.authorizeExchange((exchanges) -> exchanges.anyExchange().permitAll())
				.csrf(ServerHttpSecurity.CsrfSpec::disable)
				.build();
		}

		@Bean
		CallController callController(WebClient webClient) {
			return new CallController(webClient);
		}

	}

	/** Calls the given URL through the WebClient; reports status, body and whether it ran on a non-blocking thread. */
	@RestController
	static class CallController {

		private final WebClient webClient;

		CallController(WebClient webClient) {
			this.webClient = webClient;
		}

		@GetMapping("/call")
		Mono<Map<String, Object>> call(@RequestParam String url) {
			boolean nonBlocking = Schedulers.isInNonBlockingThread();
			TokenEndpointGate.arrived();
			return this.webClient.get()
				.uri(URI.create(url))
				.exchangeToMono((response) -> response.bodyToMono(String.class)
					.defaultIfEmpty("")
					.map((body) -> Map.of("status", response.statusCode().value(), "body", body, "nonBlocking",
							nonBlocking)));
		}

	}

}
