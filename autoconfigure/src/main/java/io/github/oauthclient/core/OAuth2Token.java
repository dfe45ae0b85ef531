package io.github.oauthclient.core;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable token as oauthlib's {@code parse_request_body_response} returns it: every field the server sent
 * ({@link #parameters()}, with {@code scope} turned into a list and {@code expires_at} computed from
 * {@code expires_in}), plus oauthlib's scope bookkeeping (granted vs requested scopes, {@link #scopeChanged()}).
 * <p>
 * Values are Python-like: {@link String}, {@link Boolean}, {@link Long} or {@link BigInteger}, {@link Double},
 * unmodifiable {@link List}/{@link Map}, or {@code null} for a key present with JSON {@code null}. Scope sets
 * are presented distinct and sorted by code point, because Python's set order is unspecified. {@link #toString()}
 * shows every field's name but the value only of {@code token_type}, {@code expires_in}, {@code expires_at} and
 * {@code scope}, and only when it is a plain value that does not contain the access or refresh token (a server may
 * echo a token anywhere, even nested in another field): everything else is masked.
 */
public final class OAuth2Token {

	/** The only fields whose values {@link #toString()} shows. */
	private static final List<String> SHOWN_KEYS = List.of("token_type", "expires_in", "expires_at", "scope");

	private final Map<String, Object> parameters;

	private final List<String> scopes;

	private final List<String> oldScopes;

	/**
	 * @param parameters frozen parameters (see {@link PythonValues#freezeMap})
	 * @param scopes granted scope set (sorted) or null
	 * @param oldScopes requested scope set (sorted) or null
	 */
	OAuth2Token(Map<String, Object> parameters, List<String> scopes, List<String> oldScopes) {
		this.parameters = parameters;
		this.scopes = scopes;
		this.oldScopes = oldScopes;
	}

	/**
	 * oauthlib's {@code OAuth2Token(params, old_scope)}: the granted scope set is the response's scope list when
	 * that list is non-empty, else the requested set; with no requested scope there is nothing to compare.
	 * @param parameters frozen parameters whose {@code scope}, if present, is already a list or null
	 * @param requested the requested scope list (Python's {@code scope_to_list} of it), or null
	 */
	static OAuth2Token of(Map<String, Object> parameters, List<String> requested) {
		List<String> granted = null;
		Object scope = parameters.get("scope");
		if (scope instanceof List<?> list && !list.isEmpty()) {
			granted = ScopeSupport.scopeToList(list);
		}
		else if (scope instanceof String s && !s.isEmpty()) {
			granted = ScopeSupport.scopeToList(s);
		}
		List<String> grantedSet = ScopeSupport.sortedSet(granted);
		if (requested == null) {
			return new OAuth2Token(parameters, grantedSet, grantedSet);
		}
		List<String> requestedSet = ScopeSupport.sortedSet(requested);
		return new OAuth2Token(parameters, (grantedSet != null) ? grantedSet : requestedSet, requestedSet);
	}

	/**
	 * A token from a caller's map (for example one restored from a cache), copied deeply; no scope comparison.
	 * @throws IllegalArgumentException for values JSON cannot express or non-string token fields
	 */
	public static OAuth2Token of(Map<String, ?> parameters) {
		Map<String, Object> frozen = PythonValues.freezeMap(parameters, "The token");
		TokenFields.requireStringFields(frozen, IllegalArgumentException::new);
		return of(frozen, null);
	}

	/** The {@code access_token} (null when absent or JSON null). */
	public String accessToken() {
		return (String) this.parameters.get("access_token");
	}

	/** The {@code token_type} verbatim ({@code "bearer"}, {@code "example"}...) or null. */
	public String tokenType() {
		return (String) this.parameters.get("token_type");
	}

	/** The {@code refresh_token} or null. */
	public String refreshToken() {
		return (String) this.parameters.get("refresh_token");
	}

	/**
	 * {@code expires_in} as Python's {@code int()} reads the raw value ({@code " 3600 "}, {@code "3_600"},
	 * {@code 3600.9}, {@code true} all count), saturated to the {@code long} range; null when absent or unreadable.
	 */
	public Long expiresIn() {
		return saturated(PythonInt.toIntOrNull(this.parameters.get("expires_in")));
	}

	/**
	 * oauthlib's {@code expires_at} value as stored: epoch seconds as a {@link Double} when computed from
	 * {@code expires_in} ({@code now + int(expires_in)}), otherwise whatever the server sent (possibly a string),
	 * or null.
	 */
	public Object expiresAt() {
		return this.parameters.get("expires_at");
	}

	/**
	 * The expiry the client keeps for this token: {@code int(expires_at)} in epoch seconds (truncated), or null
	 * when there is no usable {@code expires_at} (absent, an ISO date, {@code "1234.5"}...).
	 */
	public Long expiresAtEpochSecond() {
		return saturated(PythonInt.toIntOrNull(expiresAt()));
	}

	/** {@link #expiresAtEpochSecond()} as an {@link Instant}, or null. */
	public Instant expiresAtInstant() {
		Long seconds = expiresAtEpochSecond();
		return (seconds != null) ? Instant.ofEpochSecond(Math.max(Math.min(seconds, Instant.MAX.getEpochSecond()),
				Instant.MIN.getEpochSecond())) : null;
	}

	/**
	 * The granted scopes (oauthlib's {@code OAuth2Token.scopes}): the response's scope set, or the requested set
	 * when the response sent none; distinct, sorted; null when neither is known.
	 */
	public List<String> scopes() {
		return this.scopes;
	}

	/** {@link #scopes()} joined with spaces (oauthlib's {@code OAuth2Token.scope}), or null. */
	public String scope() {
		return ScopeSupport.join(this.scopes);
	}

	/** The requested scope set (oauthlib's {@code old_scopes}); equals {@link #scopes()} when none was given. */
	public List<String> oldScopes() {
		return this.oldScopes;
	}

	/** {@link #oldScopes()} joined with spaces, or null. */
	public String oldScope() {
		return ScopeSupport.join(this.oldScopes);
	}

	/** True when the granted scope set differs from the requested one (compared as sets, case-sensitive). */
	public boolean scopeChanged() {
		return !Objects.equals(this.scopes, this.oldScopes);
	}

	/** Requested but not granted scopes, sorted (empty when either side is unknown). */
	public List<String> missingScopes() {
		return (this.oldScopes == null || this.scopes == null) ? List.of()
				: ScopeSupport.difference(this.oldScopes, this.scopes);
	}

	/** Granted but not requested scopes, sorted (empty when either side is unknown). */
	public List<String> additionalScopes() {
		return (this.oldScopes == null || this.scopes == null) ? List.of()
				: ScopeSupport.difference(this.scopes, this.oldScopes);
	}

	/** The raw value of a response field ({@code null} when absent or JSON null). */
	public Object get(String key) {
		return this.parameters.get(key);
	}

	/** True when the response had {@code key}, even with a null value. */
	public boolean containsKey(String key) {
		return this.parameters.containsKey(key);
	}

	/** Every field the server sent, in the order it sent them; unmodifiable, may hold null values. */
	public Map<String, Object> parameters() {
		return this.parameters;
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof OAuth2Token token) && this.parameters.equals(token.parameters)
				&& Objects.equals(this.scopes, token.scopes) && Objects.equals(this.oldScopes, token.oldScopes);
	}

	@Override
	public int hashCode() {
		return this.parameters.hashCode();
	}

	@Override
	public String toString() {
		StringBuilder out = new StringBuilder("OAuth2Token{");
		boolean first = true;
		for (Map.Entry<String, Object> e : this.parameters.entrySet()) {
			if (!first) {
				out.append(", ");
			}
			first = false;
			out.append(e.getKey()).append('=');
			Object value = e.getValue();
			out.append((SHOWN_KEYS.contains(e.getKey()) && isPlain(value) && !mentionsSecret(value))
					? value : Secrets.mask(value));
		}
		return out.append('}').toString();
	}

	private static boolean isPlain(Object value) {
		if (value instanceof List<?> list) {
			return list.stream().allMatch(item -> item instanceof String);
		}
		return value == null || value instanceof String || value instanceof Number || value instanceof Boolean;
	}

	private boolean mentionsSecret(Object value) {
		String text = String.valueOf(value);
		for (Object secret : new Object[] { get("access_token"), get("refresh_token") }) {
			if (secret instanceof String token && !token.isEmpty() && text.contains(token)) {
				return true;
			}
		}
		return false;
	}

	private static Long saturated(Number n) {
		if (n == null) {
			return null;
		}
		if (n instanceof BigInteger big) {
			return (big.signum() > 0) ? Long.MAX_VALUE : Long.MIN_VALUE;
		}
		return n.longValue();
	}

}
