package io.github.oauthclient.reactive;

import static io.github.oauthclient.testsupport.AuthorizationServerFixture.BASIC_CLIENT_ID;
import static io.github.oauthclient.testsupport.AuthorizationServerFixture.POST_CLIENT_ID;
import static io.github.oauthclient.testsupport.AuthorizationServerFixture.POST_CLIENT_SECRET;
import static io.github.oauthclient.testsupport.AuthorizationServerFixture.SCOPE_READ;
import static io.github.oauthclient.testsupport.AuthorizationServerFixture.TRICKY_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.client.RestClient;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.registry.HttpServiceGroup;
import org.springframework.web.service.registry.ImportHttpServices;

import io.github.oauthclient.autoconfigure.InvalidOAuthClientPropertyException;
import io.github.oauthclient.testsupport.ProtectedApiFixture.ApiRequest;

/**
 * HTTP interface clients ({@code @HttpExchange} interfaces in {@code @ImportHttpServices} groups, one on RestClient,
 * one on WebClient) calling the protected API with tokens from Spring Authorization Server, configured by properties
 * alone: routed by resource-urls, or mapped to a registration by http-service-groups.
 */
class HttpServiceGroupsEndToEndTests extends InProcessServersTestSupport {

	@Test
	void groupClientsAreRoutedByResourceUrlsLikeAnyBootBuiltClient() {
		try (ConfigurableApplicationContext client = startClient(Map.of())) {
			assertThat(client.getBean(OrdersApi.class).order("1")).containsEntry("subject", BASIC_CLIENT_ID)
				.containsEntry("path", "/orders/1");
			assertThat(client.getBean(ReactiveOrdersApi.class).order("2").block())
				.containsEntry("subject", BASIC_CLIENT_ID);
			assertThat(client.getBean(OrdersApi.class).ping()).as("no registration lists /public")
				.containsEntry("subject", null);
			assertThat(api.requests().get(2).bearerToken()).isNull();
		}
	}

	@Test
	void aMappedGroupSendsItsRegistrationsTokenWithEveryRequest() {
		try (ConfigurableApplicationContext client = startClient(
				Map.of("oauth.client.registrations.billing.http-service-groups", "inventory,reports"))) {
			assertThat(client.getBean(OrdersApi.class).order("1")).as("mapping beats the resource-urls of orders")
				.containsEntry("subject", POST_CLIENT_ID);
			assertThat(client.getBean(OrdersApi.class).ping()).as("every request of the group gets the token")
				.containsEntry("subject", POST_CLIENT_ID);
			assertThat(client.getBean(ReactiveOrdersApi.class).order("2").block())
				.containsEntry("subject", POST_CLIENT_ID);
			assertThat(client.getBean(RestClient.class).get().uri(api.baseUrl() + "/orders/3").retrieve()
				.body(Map.class)).as("other clients keep routing by URL").containsEntry("subject", BASIC_CLIENT_ID);
			List<ApiRequest> requests = api.requests();
			assertThat(requests).extracting(ApiRequest::status).containsOnly(200);
			assertThat(requests).extracting(ApiRequest::authorization).allMatch((header) -> header.startsWith("Bearer "));
		}
	}

	@Test
	void aMappedGroupTheApplicationDoesNotDeclareFailsTheStartUp() {
		assertThat(startUpFailure(Map.of("oauth.client.registrations.billing.http-service-groups",
				"inventory,invntory")))
			.hasMessageContaining("oauth.client.registrations.billing.http-service-groups")
			.hasMessageContaining("'invntory'")
			.hasMessageContaining("inventory");
	}

	@Test
	void aGroupMappedTwiceFailsTheStartUp() {
		assertThat(startUpFailure(Map.of("oauth.client.registrations.billing.http-service-groups",
				"inventory", "oauth.client.registrations.orders.http-service-groups", "reports,inventory")))
			.hasMessageContaining("oauth.client.registrations.orders.http-service-groups")
			.hasMessageContaining("oauth.client.registrations.billing.http-service-groups")
			.hasMessageContaining("'inventory'");
	}

	private static Throwable startUpFailure(Map<String, Object> properties) {
		Throwable failure = catchThrowable(() -> startClient(properties).close());
		assertThat(failure).as("the start-up fails").isNotNull();
		Throwable cause = NestedExceptionUtils.getMostSpecificCause(failure);
		assertThat(cause).isInstanceOf(InvalidOAuthClientPropertyException.class);
		return cause;
	}

	private static ConfigurableApplicationContext startClient(Map<String, Object> more) {
		Map<String, Object> all = new LinkedHashMap<>();
		all.put("oauth.client.token-uri", server.tokenUri());
		all.put("oauth.client.scope", SCOPE_READ);
		all.put("oauth.client.registrations.orders.client-id", BASIC_CLIENT_ID);
		all.put("oauth.client.registrations.orders.client-secret", TRICKY_SECRET);
		all.put("oauth.client.registrations.orders.resource-urls", api.baseUrl() + "/orders");
		all.put("oauth.client.registrations.billing.client-id", POST_CLIENT_ID);
		all.put("oauth.client.registrations.billing.client-secret", POST_CLIENT_SECRET);
		all.put("oauth.client.registrations.billing.authentication-method", "client_secret_post");
		all.put("oauth.client.registrations.billing.resource-urls", api.baseUrl() + "/billing");
		all.put("spring.http.serviceclient.inventory.base-url", api.baseUrl());
		all.put("spring.http.serviceclient.reports.base-url", api.baseUrl());
		all.putAll(more);
		return startClient(GroupClientApplication.class, WebApplicationType.NONE, all);
	}

	/** An HTTP interface of the protected API, in group "inventory" (RestClient). */
	@HttpExchange
	interface OrdersApi {

		@GetExchange("/orders/{id}")
		Map<String, Object> order(@PathVariable String id);

		@GetExchange("/public/ping")
		Map<String, Object> ping();

	}

	/** The same API returning Mono, in group "reports" (WebClient). */
	@HttpExchange
	interface ReactiveOrdersApi {

		@GetExchange("/orders/{id}")
		Mono<Map<String, Object>> order(@PathVariable String id);

	}

	/** The whole client application: two HTTP service groups and a RestClient; nothing about OAuth. */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	@ImportHttpServices(group = "inventory", types = OrdersApi.class)
	@ImportHttpServices(group = "reports", types = ReactiveOrdersApi.class,
			clientType = HttpServiceGroup.ClientType.WEB_CLIENT)
	static class GroupClientApplication {

		@Bean
		RestClient restClient(RestClient.Builder builder) {
			return builder.build();
		}

	}

}
