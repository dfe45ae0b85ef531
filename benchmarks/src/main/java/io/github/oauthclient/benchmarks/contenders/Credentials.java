package io.github.oauthclient.benchmarks.contenders;

/**
 * The client every contender authenticates as, so both libraries send the same token request. The token endpoint
 * of the benchmarks accepts any credentials; these are not secrets.
 */
final class Credentials {

	static final String CLIENT_ID = "bench-client";

	static final String CLIENT_SECRET = "bench-secret";

	static final String SCOPE = "api.read";

	private Credentials() {
	}

}
