package io.github.oauthclient.token.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

import io.github.oauthclient.token.RenewalPolicy;
import io.github.oauthclient.token.Ticker;
import io.github.oauthclient.token.TokenEndpointSettings;
import io.github.oauthclient.token.TokenProvider;

/**
 * One shared store with its codec and settings, handing out a {@link SharedTokenProvider} per registration: the
 * bean through which the auto-configuration puts the second cache level under every registration.
 *
 * <p>Exists so that all registrations of an application share one view of the store's health (one WARN when it goes
 * away, one INFO when it is back) and one key layout: {@code <prefix>token:<registration>:<fingerprint>} for the
 * token and {@code <prefix>lock:<registration>:<fingerprint>} for the fetch lock, where the fingerprint (16 hex
 * digits of a SHA-256) covers the token endpoint, client id, scope and extra parameters, so that services that name
 * a registration alike but ask for different tokens never share one. The client secret is not part of it.
 */
public final class SharedTokenCache {

	private final TokenStore store;

	private final SharedTokenCodec codec;

	private final SharedTokenSettings settings;

	private final StoreHealth health;

	private final Clock clock;

	private final Ticker ticker;

	/** A cache on {@code store}, encrypting with {@code cipher} unless it is null. */
	public SharedTokenCache(TokenStore store, TokenCipher cipher, SharedTokenSettings settings) {
		this(store, cipher, settings, Clock.systemUTC(), Ticker.SYSTEM);
	}

	/** A cache with another wall clock and ticker (for tests). */
	public SharedTokenCache(TokenStore store, TokenCipher cipher, SharedTokenSettings settings, Clock clock,
			Ticker ticker) {
		this.store = Objects.requireNonNull(store, "store");
		this.codec = new SharedTokenCodec(cipher);
		this.settings = Objects.requireNonNull(settings, "settings");
		this.clock = Objects.requireNonNull(clock, "clock");
		this.ticker = Objects.requireNonNull(ticker, "ticker");
		this.health = new StoreHealth(store.toString(), settings.retryInterval(), ticker);
	}

	/**
	 * Shares the tokens of {@code delegate} (the registration's fetching chain) among the fleet.
	 *
	 * @param endpoint the registration's token endpoint settings (registration name, token or issuer URI, client id,
	 * extra parameters)
	 * @param scope the requested scope (may be empty)
	 * @param policy the registration's renewal policy, which decides when the shared token is due for renewal
	 */
	public SharedTokenProvider share(TokenEndpointSettings endpoint, Collection<String> scope, TokenProvider delegate,
			RenewalPolicy policy) {
		String suffix = endpoint.registrationId() + ":" + fingerprint(endpoint, scope);
		return new SharedTokenProvider(endpoint.registrationId(), settings.keyPrefix() + "token:" + suffix,
				settings.keyPrefix() + "lock:" + suffix, delegate, store, codec, policy, settings, health, clock,
				ticker);
	}

	/** The store. */
	public TokenStore store() {
		return store;
	}

	static String fingerprint(TokenEndpointSettings endpoint, Collection<String> scope) {
		StringBuilder identity = new StringBuilder()
			.append((endpoint.tokenUri() != null) ? endpoint.tokenUri() : "issuer " + endpoint.issuerUri())
			.append('\n').append(endpoint.clientId())
			.append('\n').append(String.join(" ", new TreeSet<>((scope != null) ? scope : List.of())));
		for (Map.Entry<String, String> extra : new TreeMap<>(endpoint.extraParameters()).entrySet()) {
			identity.append('\n').append(extra.getKey()).append('=').append(extra.getValue());
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(identity.toString().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	@Override
	public String toString() {
		return "SharedTokenCache[" + store + ", " + codec + ", prefix=" + settings.keyPrefix() + "]";
	}
}
