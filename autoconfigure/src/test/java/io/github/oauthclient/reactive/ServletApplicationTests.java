package io.github.oauthclient.reactive;

import static io.github.oauthclient.testsupport.AuthorizationServerFixture.BASIC_CLIENT_ID;
import static io.github.oauthclient.testsupport.AuthorizationServerFixture.TRICKY_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import io.github.oauthclient.testsupport.ProtectedApiFixture.ApiRequest;

/**
 * A servlet application (Tomcat) that calls the protected API both through a RestClient and through a WebClient from
 * Boot's builders: both share one token cache per registration, and BlockHound watches WebClient's event loops.
 */
@WatchedByBlockHound
class ServletApplicationTests extends InProcessServersTestSupport {

	private static final int CONCURRENT_CALLERS = 8;

	private static final ParameterizedTypeReference<Map<String, Object>> STRING_MAP =
			new ParameterizedTypeReference<>() {
			};

	@Test
	void restClientAndWebClientCallersOnAColdCacheShareOneTokenRequest() throws Exception {
		ExecutorService callers = Executors.newFixedThreadPool(CONCURRENT_CALLERS);
		try (ConfigurableApplicationContext client = startClient()) {
			assertThat(((WebServerApplicationContext) client).getWebServer()).isInstanceOf(TomcatWebServer.class);
			RestClient restClient = client.getBean(RestClient.class);
			WebClient webClient = client.getBean(WebClient.class);
			TokenEndpointGate.holdUntilArrivals(CONCURRENT_CALLERS);
			List<CompletableFuture<Map<String, Object>>> calls = new ArrayList<>();
			for (int i = 0; i < CONCURRENT_CALLERS; i++) {
				String url = api.baseUrl() + "/orders/" + i;
				boolean reactive = i % 2 == 1;
				calls.add(CompletableFuture.supplyAsync(() -> {
					TokenEndpointGate.arrived();
					return reactive ? webClient.get().uri(url).retrieve().bodyToMono(STRING_MAP).block()
							: restClient.get().uri(url).retrieve().body(STRING_MAP);
				}, callers));
			}
			for (CompletableFuture<Map<String, Object>> call : calls) {
				assertThat(call.get()).containsEntry("subject", BASIC_CLIENT_ID);
			}
			assertThat(TokenEndpointGate.tokenRequests()).isEqualTo(1);
			List<ApiRequest> requests = api.requests();
			assertThat(requests).hasSize(CONCURRENT_CALLERS);
			assertThat(requests).extracting(ApiRequest::bearerToken).doesNotContainNull().containsOnly(
					requests.get(0).bearerToken());
		}
		finally {
			callers.shutdownNow();
		}
	}

	@Test
	void aWebClient401OnAnEventLoopRefetchesWithoutBlockingIt() {
		try (ConfigurableApplicationContext client = startClient()) {
			WebClient webClient = client.getBean(WebClient.class);
			// the RestClient warms the shared cache, the WebClient meets its rejected token
			client.getBean(RestClient.class).get().uri(api.baseUrl() + "/orders/1").retrieve().body(Map.class);
			String first = api.requests().get(0).bearerToken();
			api.revoke(first);
			assertThat(webClient.get().uri(api.baseUrl() + "/orders/2").retrieve().bodyToMono(Map.class).block())
				.containsEntry("subject", BASIC_CLIENT_ID);
			List<ApiRequest> requests = api.requests();
			assertThat(requests).extracting(ApiRequest::status).containsExactly(200, 401, 200);
			assertThat(requests.get(1).bearerToken()).isEqualTo(first);
			assertThat(requests.get(2).bearerToken()).isNotEqualTo(first);
			assertThat(TokenEndpointGate.tokenRequests()).isEqualTo(2);
		}
	}

	private static ConfigurableApplicationContext startClient() {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("oauth.client.token-uri", server.tokenUri());
		properties.put("oauth.client.client-id", BASIC_CLIENT_ID);
		properties.put("oauth.client.client-secret", TRICKY_SECRET);
		properties.put("oauth.client.resource-urls", api.baseUrl() + "/orders");
		return startClient(ServletClientApplication.class, WebApplicationType.SERVLET, properties);
	}

	/** The whole client application: a RestClient and a WebClient from Boot's builders; nothing about OAuth. */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class ServletClientApplication {

		@Bean
		RestClient restClient(RestClient.Builder builder) {
			return builder.build();
		}

		@Bean
		WebClient webClient(WebClient.Builder builder) {
			return builder.build();
		}

	}

}
