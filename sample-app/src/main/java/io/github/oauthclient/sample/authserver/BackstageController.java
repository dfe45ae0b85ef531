package io.github.oauthclient.sample.authserver;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The demo's window into the authorization server: {@code GET /backstage/token-requests} tells how many token
 * requests arrived and how many got a token. A real authorization server has no such endpoint; the demo's narrator
 * reads it to show what happened on the server's side.
 */
@RestController
class BackstageController {

	private final TokenRequestCounter counter;

	BackstageController(TokenRequestCounter counter) {
		this.counter = counter;
	}

	@GetMapping("/backstage/token-requests")
	TokenRequestCounter.TokenEndpointStats tokenRequests() {
		return this.counter.snapshot();
	}

}
