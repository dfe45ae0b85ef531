package io.github.oauthclient.sample.orders;

import java.util.OptionalInt;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The demo's narrator looking behind the scenes: it reads the embedded servers' counters (token requests at the
 * authorization server, distinct tokens and 401s at the API) and asks the API to revoke its tokens. Deliberately a
 * plain {@link RestClient#create()}, not one from Boot's builder, so none of this goes through the starter.
 */
@Component
public class Backstage {

	private final RestClient authorizationServer;

	private final RestClient inventoryApi;

	public Backstage(@Value("${demo.authorization-server.url:}") String authorizationServerUrl,
			@Value("${demo.inventory-api.url}") String inventoryApiUrl) {
		this.authorizationServer = authorizationServerUrl.isBlank() ? null
				: RestClient.builder().baseUrl(authorizationServerUrl).build();
		this.inventoryApi = RestClient.builder().baseUrl(inventoryApiUrl).build();
	}

	/** Token requests the embedded authorization server received; empty on the external profile. */
	public OptionalInt tokenRequests() {
		if (this.authorizationServer == null) {
			return OptionalInt.empty();
		}
		TokenEndpointStats stats = this.authorizationServer.get()
			.uri("/backstage/token-requests")
			.retrieve()
			.body(TokenEndpointStats.class);
		return OptionalInt.of(stats.received());
	}

	/** 401 answers the API has given since it started. */
	public int unauthorizedAnswers() {
		return this.inventoryApi.get().uri("/backstage/stats").retrieve().body(ApiStats.class).unauthorized();
	}

	/** Makes the API reject every token it has accepted so far; returns how many that were. */
	public int revokeApiTokens() {
		return this.inventoryApi.post().uri("/backstage/revoke-tokens").retrieve().body(Revocation.class).revoked();
	}

	record TokenEndpointStats(int received, int issued) {
	}

	record ApiStats(int tokensSeen, int unauthorized) {
	}

	record Revocation(int revoked) {
	}

}
