package io.github.oauthclient.core;

import java.util.List;
import java.util.Map;

/**
 * One consistent, immutable snapshot of everything a {@link BackendApplicationClient} remembers: oauthlib's
 * instance attributes ({@code access_token}, {@code token_type}, {@code _expires_at}, {@code token},
 * {@code redirect_url}, ...). The client holds exactly one reference to the current snapshot and replaces it
 * atomically, so concurrent readers never see half an update (for example a new access token with the old
 * expiry). {@link #toString()} masks tokens and the MAC key.
 */
public final class ClientState {

	final String clientId;

	final TokenPlacement defaultTokenPlacement;

	final String tokenType;

	final String accessToken;

	final String refreshToken;

	final String macKey;

	final String macAlgorithm;

	final OAuth2Token token;

	final Object scope;

	final String state;

	final String redirectUrl;

	final String codeVerifier;

	final String codeChallenge;

	final String codeChallengeMethod;

	final String code;

	final Object expiresIn;

	final Number expiresAt;

	final Map<String, String> bearerHeaders;

	private ClientState(Mutable m) {
		this.clientId = m.clientId;
		this.defaultTokenPlacement = m.defaultTokenPlacement;
		this.tokenType = m.tokenType;
		this.accessToken = m.accessToken;
		this.refreshToken = m.refreshToken;
		this.macKey = m.macKey;
		this.macAlgorithm = m.macAlgorithm;
		this.token = m.token;
		this.scope = m.scope;
		this.state = m.state;
		this.redirectUrl = m.redirectUrl;
		this.codeVerifier = m.codeVerifier;
		this.codeChallenge = m.codeChallenge;
		this.codeChallengeMethod = m.codeChallengeMethod;
		this.code = m.code;
		this.expiresIn = m.expiresIn;
		this.expiresAt = m.expiresAt;
		this.bearerHeaders = (m.accessToken != null) ? Map.of("Authorization", "Bearer " + m.accessToken) : null;
	}

	/** The client id (may be null or empty, as oauthlib allows). */
	public String clientId() {
		return this.clientId;
	}

	/** The placement {@code addToken} uses when none is given. */
	public TokenPlacement defaultTokenPlacement() {
		return this.defaultTokenPlacement;
	}

	/** The token type verbatim (from the constructor or the last token response); may be null. */
	public String tokenType() {
		return this.tokenType;
	}

	/** The current access token, or null. */
	public String accessToken() {
		return this.accessToken;
	}

	/** The current refresh token (kept across responses that carry none), or null. */
	public String refreshToken() {
		return this.refreshToken;
	}

	/** The MAC key, or null. */
	public String macKey() {
		return this.macKey;
	}

	/** The MAC algorithm ({@code hmac-sha-1} or {@code hmac-sha-256}), or null. */
	public String macAlgorithm() {
		return this.macAlgorithm;
	}

	/** The last token (from the constructor's token map or the last parsed response); never null. */
	public OAuth2Token token() {
		return this.token;
	}

	/** The default requested scope as sent (a string scope verbatim, a list joined with spaces), or null. */
	public String scope() {
		return ScopeSupport.listToScope(this.scope);
	}

	/** The default requested scope as a list (a string scope split as oauthlib splits it), or null. */
	public List<String> scopes() {
		return (this.scope instanceof String s) ? ScopeSupport.scopeToList(s) : castList(this.scope);
	}

	/** The stored state, or null. */
	public String state() {
		return this.state;
	}

	/** The redirect URL (sent as {@code redirect_uri} by {@code prepareTokenRequest}), or null. */
	public String redirectUrl() {
		return this.redirectUrl;
	}

	/** The PKCE code verifier, or null. */
	public String codeVerifier() {
		return this.codeVerifier;
	}

	/** The PKCE code challenge, or null. */
	public String codeChallenge() {
		return this.codeChallenge;
	}

	/** The PKCE code challenge method, or null. */
	public String codeChallengeMethod() {
		return this.codeChallengeMethod;
	}

	/** The authorization code from {@code populateCodeAttributes}, or null. */
	public String code() {
		return this.code;
	}

	/** The raw {@code expires_in} of the last token that had one (string, number or boolean), or null. */
	public Object expiresIn() {
		return this.expiresIn;
	}

	/**
	 * oauthlib's {@code _expires_at}: epoch seconds as a {@link Long}/{@link java.math.BigInteger} after a
	 * parsed response ({@code int(expires_at)}), a {@link Double} when only {@code expires_in} was known, or null.
	 */
	public Number expiresAt() {
		return this.expiresAt;
	}

	Mutable mutable() {
		return new Mutable(this);
	}

	@SuppressWarnings("unchecked")
	private static List<String> castList(Object scope) {
		return (List<String>) scope;
	}

	@Override
	public String toString() {
		return "ClientState{clientId=" + this.clientId + ", defaultTokenPlacement=" + this.defaultTokenPlacement
				+ ", tokenType=" + this.tokenType + ", accessToken=" + Secrets.mask(this.accessToken)
				+ ", refreshToken=" + Secrets.mask(this.refreshToken) + ", macKey=" + Secrets.mask(this.macKey)
				+ ", macAlgorithm=" + this.macAlgorithm + ", scope=" + scope() + ", redirectUrl=" + this.redirectUrl
				+ ", expiresIn=" + this.expiresIn + ", expiresAt=" + this.expiresAt + ", token=" + this.token + "}";
	}

	/** A working copy for building the next snapshot. */
	static final class Mutable {

		String clientId;

		TokenPlacement defaultTokenPlacement = TokenPlacement.AUTH_HEADER;

		String tokenType = "Bearer";

		String accessToken;

		String refreshToken;

		String macKey;

		String macAlgorithm;

		OAuth2Token token = OAuth2Token.of(Map.of(), null);

		Object scope;

		String state;

		String redirectUrl;

		String codeVerifier;

		String codeChallenge;

		String codeChallengeMethod;

		String code;

		Object expiresIn;

		Number expiresAt;

		Mutable() {
		}

		private Mutable(ClientState s) {
			this.clientId = s.clientId;
			this.defaultTokenPlacement = s.defaultTokenPlacement;
			this.tokenType = s.tokenType;
			this.accessToken = s.accessToken;
			this.refreshToken = s.refreshToken;
			this.macKey = s.macKey;
			this.macAlgorithm = s.macAlgorithm;
			this.token = s.token;
			this.scope = s.scope;
			this.state = s.state;
			this.redirectUrl = s.redirectUrl;
			this.codeVerifier = s.codeVerifier;
			this.codeChallenge = s.codeChallenge;
			this.codeChallengeMethod = s.codeChallengeMethod;
			this.code = s.code;
			this.expiresIn = s.expiresIn;
			this.expiresAt = s.expiresAt;
		}

		ClientState freeze() {
			return new ClientState(this);
		}

	}

}
