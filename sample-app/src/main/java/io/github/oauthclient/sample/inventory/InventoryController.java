package io.github.oauthclient.sample.inventory;

import java.time.Instant;
import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The protected resource: {@code GET /api/inventory}. Besides the stock it tells the caller who it was served as,
 * which token (by number, see {@link TokenLedger}) the call carried and when that token expires, which is what the
 * demo prints.
 */
@RestController
class InventoryController {

	private static final List<StockItem> STOCK = List.of(new StockItem("A-100", "espresso beans, 1 kg", 42),
			new StockItem("B-220", "oat milk, 1 l", 17), new StockItem("C-310", "paper cups, 100", 250));

	private final TokenLedger ledger;

	InventoryController(TokenLedger ledger) {
		this.ledger = ledger;
	}

	@GetMapping("/api/inventory")
	InventoryResponse inventory(@AuthenticationPrincipal Jwt token) {
		return new InventoryResponse(STOCK, token.getSubject(), this.ledger.numberOf(token), token.getExpiresAt());
	}

	record StockItem(String sku, String name, int quantity) {
	}

	record InventoryResponse(List<StockItem> items, String servedTo, int tokenNumber, Instant tokenExpiresAt) {
	}

}
