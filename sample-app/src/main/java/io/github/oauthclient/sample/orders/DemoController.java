package io.github.oauthclient.sample.orders;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /demo}: runs a short round of the demo on demand (calls with the cached token, then a revocation healed
 * by one retry) and answers with the same narration the console shows, as plain text.
 */
@RestController
class DemoController {

	private final DemoFlow flow;

	DemoController(DemoFlow flow) {
		this.flow = flow;
	}

	@GetMapping(path = "/demo", produces = MediaType.TEXT_PLAIN_VALUE)
	String demo() {
		StringWriter text = new StringWriter();
		this.flow.runOnDemand(new PrintWriter(text));
		return text.toString();
	}

}
