package io.github.oauthclient.sample.orders;

import java.time.Instant;
import java.util.List;

import io.github.oauthclient.token.TokenAcquisitionException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * The orders service's client for the inventory API, written the way any Spring Boot service writes one: a
 * {@link RestClient} from Boot's {@code RestClient.Builder}, no OAuth code at all. The starter's interceptor on that
 * builder attaches the access token (the API's URL is under {@code oauth.client.resource-urls}) and, on a 401, drops
 * the token, fetches a new one and retries once.
 */
@Component
public class InventoryClient {

	private final RestClient restClient;

	public InventoryClient(RestClient.Builder builder, @Value("${demo.inventory-api.url}") String inventoryApiUrl) {
		this.restClient = builder.baseUrl(inventoryApiUrl).build();
	}

	/** Calls {@code GET /api/inventory}; a failure is returned, not thrown, so the demo can count it. */
	public Call fetchInventory() {
		try {
			Inventory inventory = this.restClient.get().uri("/api/inventory").retrieve().body(Inventory.class);
			return new Call(200, inventory.tokenNumber(), inventory.tokenExpiresAt(), inventory.items().size(), null);
		}
		catch (RestClientResponseException ex) {
			return new Call(ex.getStatusCode().value(), 0, null, 0, describe(ex.getStatusCode()));
		}
		catch (TokenAcquisitionException ex) {
			return new Call(0, 0, null, 0, "no token: " + ex.getMessage());
		}
		catch (RestClientException | IllegalStateException ex) {
			return new Call(0, 0, null, 0, ex.getMessage());
		}
	}

	private static String describe(HttpStatusCode status) {
		return "HTTP " + status.value();
	}

	/**
	 * The outcome of one call.
	 *
	 * @param status the HTTP status, 0 when there was no answer (or no token could be had)
	 * @param tokenNumber which token the API saw (1 for the first it accepted, and so on), 0 on failure
	 * @param tokenExpiresAt when that token expires (its {@code exp} claim), null on failure
	 * @param items how many stock items came back
	 * @param failure why it failed, or null
	 */
	public record Call(int status, int tokenNumber, Instant tokenExpiresAt, int items, String failure) {

		public boolean succeeded() {
			return this.status == 200;
		}

	}

	/** The part of the API's answer the demo reads. */
	record Inventory(List<Object> items, String servedTo, int tokenNumber, Instant tokenExpiresAt) {
	}

}
