package io.github.oauthclient.sample.inventory;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The demo's window into the inventory API, open on loopback only: {@code GET /backstage/stats} (distinct tokens
 * seen, 401s answered) and {@code POST /backstage/revoke-tokens} (reject every token seen so far, as after a
 * revocation or a key rotation). A real API has no such endpoints; the demo's narrator uses them.
 */
@RestController
class BackstageController {

	private final TokenLedger ledger;

	private final RejectionCounter rejections;

	BackstageController(TokenLedger ledger, RejectionCounter rejections) {
		this.ledger = ledger;
		this.rejections = rejections;
	}

	@GetMapping("/backstage/stats")
	ApiStats stats() {
		return new ApiStats(this.ledger.tokensSeen(), this.rejections.unauthorized());
	}

	@PostMapping("/backstage/revoke-tokens")
	Revocation revokeTokens() {
		return new Revocation(this.ledger.revokeAllSeen());
	}

	/**
	 * What the API has seen since start-up.
	 *
	 * @param tokensSeen distinct tokens callers used
	 * @param unauthorized requests answered 401
	 */
	record ApiStats(int tokensSeen, int unauthorized) {
	}

	/** @param revoked how many tokens were revoked */
	record Revocation(int revoked) {
	}

}
