package io.github.oauthclient.token;

/**
 * Why the cache asked its delegate for a token: the {@code kind} tag of the token request observation and the
 * reason named in the DEBUG log.
 *
 * <p>Exists so that dashboards can tell healthy traffic (renewals ahead of expiry) from traffic that makes callers
 * wait (cold fetches) and from the traffic that resource servers cause by rejecting tokens (fetches after a 401).
 */
public enum TokenRequestKind {

	/** No usable token was cached (first use, or the token expired before a renewal succeeded); callers wait. */
	COLD_FETCH("cold_fetch"),

	/** The cached token entered its renewal window; renewed in the background while callers keep using it. */
	RENEWAL("renewal"),

	/** A resource server answered 401 and the token was dropped; the retried request waits for this one. */
	AFTER_INVALIDATION("retry_after_401");

	private final String value;

	TokenRequestKind(String value) {
		this.value = value;
	}

	/** The tag value: {@code cold_fetch}, {@code renewal} or {@code retry_after_401}. */
	public String value() {
		return value;
	}
}
