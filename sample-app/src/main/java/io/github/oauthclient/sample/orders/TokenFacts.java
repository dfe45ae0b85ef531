package io.github.oauthclient.sample.orders;

/**
 * Describes the access token the client currently holds, for the console and {@code GET /demo}, without showing
 * it: its type, length, scope and expiry only.
 */
@FunctionalInterface
public interface TokenFacts {

	/** For example {@code "Bearer, 692 characters, scope [inventory.read], expires in 7 s"}. */
	String describeCurrentToken();

}
