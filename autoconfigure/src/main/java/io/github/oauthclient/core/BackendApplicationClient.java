package io.github.oauthclient.core;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A Java port of Python oauthlib 3.2.2's {@code BackendApplicationClient} (the OAuth 2.0 client-credentials
 * grant, RFC 6749 section 4.4) and the {@code Client} base class it inherits from: same inputs, same request
 * bodies byte for byte, same token parsing, same errors. It performs no I/O; the caller sends the requests.
 * <p>
 * <b>Thread safety.</b> Instances may be shared. Everything oauthlib keeps in instance attributes (token, access
 * token, expiry, redirect URL...) lives in one immutable {@link ClientState} snapshot held by a single atomic
 * reference; methods read one snapshot and replace it atomically. {@link #snapshot()} gives a consistent view.
 * <p>
 * <b>Deliberate divergences from oauthlib</b> (each a rule, documented where it applies):
 * <ul>
 * <li>Python runtime crashes ({@code TypeError}, {@code AttributeError}, {@code UnicodeEncodeError},
 * {@code OverflowError}, {@code ValueError} from {@code int()}) become {@link MalformedTokenResponseException} for
 * a token response and {@link IllegalArgumentException}/{@link IllegalStateException} for arguments/client state,
 * with a message saying what was wrong. Python's own {@code ValueError}s with oauthlib messages (for example
 * {@code Invalid token placement.}) keep their message.</li>
 * <li>{@code invalid_request} raises {@link InvalidRequestException} (oauthlib: {@code InvalidClientIdError}).</li>
 * <li>The scope-change {@code Warning} is a {@link ScopeChangedException}; the blinker signal is a
 * {@link ScopeChangeListener}.</li>
 * <li>The {@code OAUTHLIB_INSECURE_TRANSPORT}, {@code OAUTHLIB_RELAX_TOKEN_SCOPE} and
 * {@code OAUTHLIB_STRICT_TOKEN_TYPE} environment variables are the builder options {@code insecureTransport},
 * {@code relaxTokenScope} and {@code strictTokenType}; time comes from an injectable {@link Clock}.</li>
 * <li>Python-only inputs have no mirror: parameters and token fields are strings, scopes strings or collections of
 * strings. Caller maps are copied, never aliased or mutated; returned maps are immutable.</li>
 * <li>A null access token is never sent as the text {@code None}.</li>
 * </ul>
 */
public final class BackendApplicationClient {

	/** The grant type this client prepares ({@code grant_type} class attribute). */
	public static final String GRANT_TYPE = "client_credentials";

	/** oauthlib's {@code refresh_token_key}. */
	public static final String REFRESH_TOKEN_KEY = "refresh_token";

	/** The headers every {@code prepare_*_request} method returns (immutable here, unlike oauthlib's dict). */
	public static final Map<String, String> FORM_ENC_HEADERS = Map.of("Content-Type",
			"application/x-www-form-urlencoded");

	private static final String NOT_IMPLEMENTED = "Must be implemented by inheriting classes.";

	private static final String STATE_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final AtomicReference<ClientState> state;

	private final boolean insecureTransport;

	private final boolean relaxTokenScope;

	private final boolean strictTokenType;

	private final Clock clock;

	private final Supplier<String> stateGenerator;

	private final TokenResponseParser parser;

	/** A client with oauthlib's defaults for everything but the client id. */
	public BackendApplicationClient(String clientId) {
		this(builder(clientId));
	}

	private BackendApplicationClient(Builder builder) {
		this.insecureTransport = builder.insecureTransport;
		this.relaxTokenScope = builder.relaxTokenScope;
		this.strictTokenType = builder.strictTokenType;
		this.clock = builder.clock;
		this.stateGenerator = builder.stateGenerator;
		this.parser = new TokenResponseParser(builder.strictTokenType, builder.relaxTokenScope,
				builder.scopeChangeListener);
		ClientState.Mutable m = new ClientState.Mutable();
		m.clientId = builder.clientId;
		m.defaultTokenPlacement = builder.defaultTokenPlacement;
		m.tokenType = builder.tokenType;
		m.accessToken = builder.accessToken;
		m.refreshToken = builder.refreshToken;
		m.macKey = builder.macKey;
		m.macAlgorithm = builder.macAlgorithm;
		m.scope = builder.scope;
		m.state = builder.state;
		m.redirectUrl = builder.redirectUrl;
		m.codeVerifier = builder.codeVerifier;
		m.codeChallenge = builder.codeChallenge;
		m.codeChallengeMethod = builder.codeChallengeMethod;
		Map<String, Object> token = PythonValues.freezeMap(builder.token, "The constructor's token");
		TokenFields.requireStringFields(token, (message) -> new IllegalArgumentException("The constructor's token: "
				+ message));
		m.token = OAuth2Token.of(token, null);
		TokenAttributes.populate(m, token, ExpiryCheck.now(this.clock));
		this.state = new AtomicReference<>(m.freeze());
	}

	/** A builder for a client with the given id (any value, including null and empty, as in oauthlib). */
	public static Builder builder(String clientId) {
		return new Builder(clientId);
	}

	// ---------------------------------------------------------------- request bodies

	/** {@code prepare_request_body()}: the client's default scope, no client id, no extras. */
	public String prepareRequestBody() {
		return prepareRequestBody(BodyParameters.none());
	}

	/**
	 * {@code prepare_request_body(scope=scope)}: e.g. {@code ["hello", "world"]} gives
	 * {@code grant_type=client_credentials&scope=hello+world}.
	 * @param scope the scope, or null for the client's default scope; an empty collection sends none
	 */
	public String prepareRequestBody(Collection<String> scope) {
		return prepareRequestBody(BodyParameters.of(null, scope, false, null));
	}

	/**
	 * {@code prepare_request_body(body, scope, include_client_id, **extras)}. The order is: the existing body's
	 * pairs (decoded and re-encoded), {@code grant_type}, {@code client_id} (when {@code includeClientId} and the
	 * id is not null), {@code code_verifier} and {@code client_secret} extras (when not null), {@code scope}
	 * (when not empty), then the other extras in order (when not null or empty).
	 * @param body an existing form body, or null
	 * @param scope the scope, or null for the client's default scope
	 * @param includeClientId whether to send the client's id
	 * @param extras extra parameters (String values) in iteration order; a {@code client_secret} entry is sent
	 * whenever it is not null
	 */
	public String prepareRequestBody(String body, Collection<String> scope, boolean includeClientId,
			Map<String, ?> extras) {
		return prepareRequestBody(BodyParameters.of(body, scope, includeClientId, extras));
	}

	/** {@code prepare_request_body} with every argument (a scope may be a verbatim string here). */
	public String prepareRequestBody(BodyParameters parameters) {
		return requestBody(this.state.get(), parameters, false);
	}

	private String requestBody(ClientState s, BodyParameters p, boolean fromTokenRequest) {
		TokenRequestBody.rejectReserved(p.extras(), "prepareRequestBody", "grant_type", "scope", "body",
				"include_client_id");
		if (fromTokenRequest) {
			TokenRequestBody.rejectReserved(p.extras(), "prepareTokenRequest", "redirect_uri");
		}
		Map<String, Object> kwargs = new LinkedHashMap<>();
		kwargs.put("scope", (p.scope() != null) ? p.scope() : s.scope);
		if (fromTokenRequest) {
			kwargs.put("redirect_uri", s.redirectUrl);
		}
		kwargs.putAll(p.extras());
		kwargs.put("client_id", s.clientId);
		boolean includeClientId = Boolean.TRUE.equals(p.includeClientId());
		return TokenRequestBody.prepare(GRANT_TYPE, p.body(), includeClientId, kwargs);
	}

	/** {@code prepare_token_request(token_url)}: see {@link #prepareTokenRequest(String, String, String, String, BodyParameters)}. */
	public TokenRequest prepareTokenRequest(String tokenUrl) {
		return prepareTokenRequest(tokenUrl, null, null, null, BodyParameters.none());
	}

	/** {@code prepare_token_request(token_url, scope=..., include_client_id=..., **extras)}. */
	public TokenRequest prepareTokenRequest(String tokenUrl, Collection<String> scope, boolean includeClientId,
			Map<String, ?> extras) {
		return prepareTokenRequest(tokenUrl, null, null, null, BodyParameters.of(null, scope, includeClientId, extras));
	}

	/** {@code prepare_token_request(token_url, **parameters)}. */
	public TokenRequest prepareTokenRequest(String tokenUrl, BodyParameters parameters) {
		return prepareTokenRequest(tokenUrl, null, null, null, parameters);
	}

	/**
	 * oauthlib's {@code prepare_token_request}: checks the transport first ({@link InsecureTransportException}
	 * unless {@code tokenUrl} starts with {@code https://}, case-insensitively, or insecure transport is on), stores
	 * a non-empty {@code redirectUrl} on the client, and returns the URL untouched, {@link #FORM_ENC_HEADERS} and
	 * the body of {@link #prepareRequestBody(BodyParameters)} with the client's redirect URL as {@code redirect_uri}
	 * after the scope (oauthlib sends it even for this grant).
	 * @param authorizationResponse must be null or empty: this grant has no authorization response
	 * @param state consumed and never sent (as in oauthlib)
	 * @throws UnsupportedOperationException for a non-empty {@code authorizationResponse}
	 */
	public TokenRequest prepareTokenRequest(String tokenUrl, String authorizationResponse, String redirectUrl,
			String state, BodyParameters parameters) {
		requireSecureTransport(tokenUrl);
		if (authorizationResponse != null && !authorizationResponse.isEmpty()) {
			throw new UnsupportedOperationException(NOT_IMPLEMENTED);
		}
		TokenRequestBody.rejectReserved(parameters.extras(), "prepareTokenRequest", "redirect_uri");
		ClientState s = (redirectUrl != null && !redirectUrl.isEmpty()) ? update((m) -> m.redirectUrl = redirectUrl)
				: this.state.get();
		return new TokenRequest(tokenUrl, FORM_ENC_HEADERS, requestBody(s, parameters, true));
	}

	/** {@code prepare_refresh_body(refresh_token=refreshToken)}. */
	public String prepareRefreshBody(String refreshToken) {
		return prepareRefreshBody(refreshToken, BodyParameters.none());
	}

	/**
	 * oauthlib's {@code prepare_refresh_body}: {@code grant_type=refresh_token}, then {@code client_id} (only from
	 * a {@code client_id} extra; {@code include_client_id} defaults to true here), {@code client_secret},
	 * {@code scope} (default: the client's), {@code refresh_token} ({@code refreshToken} or the client's), extras.
	 */
	public String prepareRefreshBody(String refreshToken, BodyParameters parameters) {
		ClientState s = this.state.get();
		TokenRequestBody.rejectReserved(parameters.extras(), "prepareRefreshBody", "grant_type", "scope", "body",
				"include_client_id", "refresh_token");
		Map<String, Object> kwargs = new LinkedHashMap<>();
		kwargs.put("scope", (parameters.scope() != null) ? parameters.scope() : s.scope);
		kwargs.put("refresh_token", (refreshToken != null && !refreshToken.isEmpty()) ? refreshToken : s.refreshToken);
		kwargs.putAll(parameters.extras());
		boolean includeClientId = !Boolean.FALSE.equals(parameters.includeClientId());
		return TokenRequestBody.prepare(REFRESH_TOKEN_KEY, parameters.body(), includeClientId, kwargs);
	}

	/** oauthlib's {@code prepare_refresh_token_request}: transport check, then {@link #prepareRefreshBody}. */
	public TokenRequest prepareRefreshTokenRequest(String tokenUrl, String refreshToken, BodyParameters parameters) {
		requireSecureTransport(tokenUrl);
		return new TokenRequest(tokenUrl, FORM_ENC_HEADERS, prepareRefreshBody(refreshToken, parameters));
	}

	/** {@code prepare_token_revocation_request(url, token)} with {@code token_type_hint="access_token"}. */
	public TokenRequest prepareTokenRevocationRequest(String revocationUrl, String token) {
		return prepareTokenRevocationRequest(revocationUrl, token, "access_token", "", null, null);
	}

	/**
	 * oauthlib's {@code prepare_token_revocation_request} (RFC 7009): {@code token}, {@code token_type_hint} when
	 * not empty, then non-empty extras. With a non-empty {@code callback} (JSONP) the parameters and
	 * {@code callback} go into the URL query and {@code body} is returned unchanged.
	 */
	public TokenRequest prepareTokenRevocationRequest(String revocationUrl, String token, String tokenTypeHint,
			String body, String callback, Map<String, ?> extras) {
		requireSecureTransport(revocationUrl);
		if (token == null) {
			throw new IllegalArgumentException("The token to revoke must not be null (Python would send token=None)");
		}
		Map<String, Object> kwargs = new LinkedHashMap<>(BodyParameters.builder().extras(extras).build().extras());
		List<Map.Entry<String, String>> params = new ArrayList<>();
		params.add(Map.entry("token", token));
		if (tokenTypeHint != null && !tokenTypeHint.isEmpty()) {
			params.add(Map.entry("token_type_hint", tokenTypeHint));
		}
		TokenRequestBody.appendTruthy(params, kwargs);
		if (callback != null && !callback.isEmpty()) {
			params.add(Map.entry("callback", callback));
			return new TokenRequest(FormCodec.addParamsToUri(revocationUrl, params), FORM_ENC_HEADERS, body);
		}
		return new TokenRequest(revocationUrl, FORM_ENC_HEADERS, FormCodec.addParamsToQs(body, params));
	}

	// ---------------------------------------------------------------- responses

	/** {@code parse_request_body_response(body)} with the client's default scope as the requested scope. */
	public OAuth2Token parseRequestBodyResponse(String body) {
		return parseRequestBodyResponse(body, null);
	}

	/**
	 * oauthlib's {@code parse_request_body_response}: decodes a token response (JSON, or form-encoded when not
	 * JSON), adds {@code expires_at = now + int(expires_in)}, validates it and, on success only, stores it and
	 * its fields on the client ({@code populate_token_attributes}). On any exception the client is unchanged.
	 * @param body the response body
	 * @param scope the requested scope to compare the granted one with, or null for the client's default scope
	 * @throws OAuth2Exception the typed error for an {@code error} response ({@code error} wins over a present
	 * access token), {@link MissingTokenException} without {@code access_token}, {@link MissingTokenTypeException}
	 * without {@code token_type} in strict mode, {@link MalformedTokenResponseException} where oauthlib crashes
	 * @throws ScopeChangedException when the granted scope set differs and relax-token-scope is off
	 */
	public OAuth2Token parseRequestBodyResponse(String body, Collection<String> scope) {
		ClientState s = this.state.get();
		List<String> requested = (scope != null) ? ScopeSupport.copyRequested(scope, "The scope") : s.scopes();
		double now = ExpiryCheck.now(this.clock);
		OAuth2Token token = this.parser.parse(body, requested, now);
		update((m) -> {
			m.token = token;
			TokenAttributes.populate(m, token.parameters(), now);
		});
		return token;
	}

	/**
	 * oauthlib's {@code populate_token_attributes}: copies {@code access_token}, {@code refresh_token},
	 * {@code token_type}, {@code expires_in}/{@code expires_at} and {@code mac_*} from {@code response} when present;
	 * absent keys keep their values. It does not change {@link ClientState#token()}.
	 * @throws IllegalArgumentException for a non-string token field or an {@code expires_in} Python's int() rejects
	 */
	public void populateTokenAttributes(Map<String, ?> response) {
		Map<String, Object> frozen = PythonValues.freezeMap(response, "The response");
		TokenFields.requireStringFields(frozen, IllegalArgumentException::new);
		double now = ExpiryCheck.now(this.clock);
		update((m) -> TokenAttributes.populate(m, frozen, now));
	}

	/** oauthlib's {@code populate_code_attributes}: stores {@code code} when the response has one. */
	public void populateCodeAttributes(Map<String, ?> response) {
		if (response.containsKey("code")) {
			Object code = response.get("code");
			if (code != null && !(code instanceof String)) {
				throw new IllegalArgumentException("\"code\" must be a string or null");
			}
			update((m) -> m.code = (String) code);
		}
	}

	// ---------------------------------------------------------------- using the token

	/** {@code add_token(uri)}: GET, no body, no headers, the default placement. */
	public AddTokenResult addToken(String uri) {
		return addToken(uri, "GET", null, null, null, null);
	}

	/** {@code add_token(uri, http_method, body, headers)} with the default placement. */
	public AddTokenResult addToken(String uri, String httpMethod, String body, Map<String, String> headers) {
		return addToken(uri, httpMethod, body, headers, null, null);
	}

	/** {@code add_token(uri, http_method, body, headers, token_placement)}; see the six-argument form. */
	public AddTokenResult addToken(String uri, String httpMethod, String body, Map<String, String> headers,
			TokenPlacement placement) {
		return addToken(uri, httpMethod, body, headers, placement, null);
	}

	/**
	 * oauthlib's {@code add_token}, with its checks in order: transport ({@link InsecureTransportException}),
	 * token type ({@code Bearer} or {@code MAC}, case-insensitive, else {@link IllegalStateException}
	 * {@code Unsupported token type: <type>}), token presence ({@code Missing access token.}), expiry
	 * ({@link TokenExpiredException} when {@code expires_at < now}, strictly; an expiry of 0 never expires), then
	 * placement. Bearer tokens go into the {@code Authorization} header, the query or the body; MAC tokens only
	 * into the header.
	 * @param placement the placement, or null for the client's default
	 * @param mac MAC signing inputs (only for MAC tokens; null otherwise)
	 * @throws IllegalArgumentException {@code Invalid token placement.} for a MAC token outside the header
	 */
	public AddTokenResult addToken(String uri, String httpMethod, String body, Map<String, String> headers,
			TokenPlacement placement, MacOptions mac) {
		ClientState s = this.state.get();
		requireSecureTransport(uri);
		TokenPlacement effective = (placement != null) ? placement : s.defaultTokenPlacement;
		if (s.tokenType == null) {
			throw new IllegalStateException("The client has no token type (token_type is null), so it cannot add "
					+ "a token (Python: AttributeError)");
		}
		boolean bearer = PythonText.lowerEquals(s.tokenType, "bearer");
		if (!bearer && !PythonText.lowerEquals(s.tokenType, "mac")) {
			throw new IllegalStateException("Unsupported token type: " + s.tokenType);
		}
		if (!PythonValues.isTruthy(s.accessToken) && !PythonValues.isTruthy(s.token.get("access_token"))) {
			throw new IllegalStateException("Missing access token.");
		}
		if (ExpiryCheck.isExpired(s.expiresAt, ExpiryCheck.now(this.clock))) {
			throw new TokenExpiredException();
		}
		if (s.accessToken == null) {
			throw new IllegalStateException("Missing access token. (the client's access token is null while its "
					+ "token map has one; oauthlib would send the text None)");
		}
		if (!bearer) {
			if (effective != TokenPlacement.AUTH_HEADER) {
				throw new IllegalArgumentException("Invalid token placement.");
			}
			return MacSigner.sign(s, uri, httpMethod, body, headers, (mac != null) ? mac : new MacOptions(null, null,
					null, 0), this.clock);
		}
		if (mac != null) {
			throw new IllegalArgumentException("MAC options were given for a Bearer token (Python: TypeError, "
					+ "unexpected keyword argument)");
		}
		return BearerTokens.place(s, effective, uri, body, headers);
	}

	// ---------------------------------------------------------------- not for this grant

	/**
	 * oauthlib's {@code prepare_authorization_request}: after the transport check it stores {@code state} (or a
	 * generated one) and {@code redirectUrl} on the client, then fails, because the client-credentials grant has
	 * no authorization step.
	 * @throws UnsupportedOperationException always (after the transport check)
	 */
	public String prepareAuthorizationRequest(String authorizationUrl, String state, String redirectUrl,
			Collection<String> scope, Map<String, ?> extras) {
		requireSecureTransport(authorizationUrl);
		String newState = (state != null && !state.isEmpty()) ? state : this.stateGenerator.get();
		update((m) -> {
			m.state = newState;
			if (redirectUrl != null && !redirectUrl.isEmpty()) {
				m.redirectUrl = redirectUrl;
			}
		});
		throw new UnsupportedOperationException(NOT_IMPLEMENTED);
	}

	/** oauthlib's {@code prepare_request_uri}: not implemented for this grant. */
	public String prepareRequestUri(String uri, Map<String, ?> parameters) {
		throw new UnsupportedOperationException(NOT_IMPLEMENTED);
	}

	/** oauthlib's {@code parse_request_uri_response}: not implemented for this grant. */
	public Map<String, String> parseRequestUriResponse(String uri, String state) {
		throw new UnsupportedOperationException(NOT_IMPLEMENTED);
	}

	/**
	 * oauthlib's {@code create_code_verifier} (PKCE): {@code length} random bytes, base64url without padding
	 * (about 1.33 times {@code length} characters, oauthlib 3.2.2's behaviour), stored on the client.
	 * @throws IllegalArgumentException outside 43..128, with oauthlib's messages
	 */
	public String createCodeVerifier(int length) {
		String verifier = Pkce.codeVerifier(length);
		update((m) -> m.codeVerifier = verifier);
		return verifier;
	}

	/**
	 * oauthlib's {@code create_code_challenge} (PKCE): {@code null} method means {@code plain} (stores method and
	 * challenge), {@code S256} gives base64url(SHA-256(verifier)) without padding (stores the challenge), any other
	 * method returns null.
	 * @throws IllegalArgumentException {@code Invalid code_verifier} for a null verifier
	 */
	public String createCodeChallenge(String codeVerifier, String codeChallengeMethod) {
		if (codeVerifier == null) {
			throw new IllegalArgumentException("Invalid code_verifier");
		}
		if (codeChallengeMethod == null) {
			update((m) -> {
				m.codeChallengeMethod = "plain";
				m.codeChallenge = codeVerifier;
			});
			return codeVerifier;
		}
		if (!codeChallengeMethod.equals("S256")) {
			return null;
		}
		String challenge = Pkce.s256(codeVerifier);
		update((m) -> m.codeChallenge = challenge);
		return challenge;
	}

	// ---------------------------------------------------------------- state and options

	/** The current state, one consistent immutable snapshot. */
	public ClientState snapshot() {
		return this.state.get();
	}

	/** The client id. */
	public String clientId() {
		return snapshot().clientId();
	}

	/** The current access token, or null. */
	public String accessToken() {
		return snapshot().accessToken();
	}

	/** The current refresh token, or null. */
	public String refreshToken() {
		return snapshot().refreshToken();
	}

	/** The current token type (verbatim), or null. */
	public String tokenType() {
		return snapshot().tokenType();
	}

	/** The last token; never null (empty before any token). */
	public OAuth2Token token() {
		return snapshot().token();
	}

	/** oauthlib's {@code _expires_at} (see {@link ClientState#expiresAt()}), or null. */
	public Number expiresAt() {
		return snapshot().expiresAt();
	}

	/** The token types {@code addToken} supports (oauthlib's {@code token_types} keys). */
	public Set<String> tokenTypes() {
		return Set.of("Bearer", "MAC");
	}

	/** Whether the https check is disabled (oauthlib: {@code OAUTHLIB_INSECURE_TRANSPORT}). */
	public boolean insecureTransport() {
		return this.insecureTransport;
	}

	/** Whether a scope change returns the token instead of raising (oauthlib: {@code OAUTHLIB_RELAX_TOKEN_SCOPE}). */
	public boolean relaxTokenScope() {
		return this.relaxTokenScope;
	}

	/** Whether a response without {@code token_type} is rejected (oauthlib: {@code OAUTHLIB_STRICT_TOKEN_TYPE}). */
	public boolean strictTokenType() {
		return this.strictTokenType;
	}

	/** The clock used for {@code expires_at} and expiry checks. */
	public Clock clock() {
		return this.clock;
	}

	/**
	 * oauthlib's {@code is_secure_transport}: {@code uri.lower().startswith("https://")} (no trimming, no parsing),
	 * or anything when insecure transport is on.
	 * @throws InsecureTransportException otherwise
	 */
	private void requireSecureTransport(String uri) {
		if (this.insecureTransport) {
			return;
		}
		if (uri == null) {
			throw new IllegalArgumentException("The URL must not be null");
		}
		if (!PythonText.lowerStartsWith(uri, "https://")) {
			throw new InsecureTransportException();
		}
	}

	private ClientState update(java.util.function.Consumer<ClientState.Mutable> change) {
		return this.state.updateAndGet((current) -> {
			ClientState.Mutable m = current.mutable();
			change.accept(m);
			return m.freeze();
		});
	}

	@Override
	public String toString() {
		return "BackendApplicationClient{" + snapshot() + ", insecureTransport=" + this.insecureTransport
				+ ", relaxTokenScope=" + this.relaxTokenScope + ", strictTokenType=" + this.strictTokenType + "}";
	}

	/** oauthlib's {@code generate_token()}: 30 random characters from {@code [A-Za-z0-9]}. */
	static String generateToken() {
		StringBuilder out = new StringBuilder(30);
		for (int i = 0; i < 30; i++) {
			out.append(STATE_CHARS.charAt(RANDOM.nextInt(STATE_CHARS.length())));
		}
		return out.toString();
	}

	/**
	 * Builds a {@link BackendApplicationClient}; every setting defaults as in oauthlib's constructor
	 * ({@code auth_header} placement, token type {@code Bearer}, nothing else).
	 */
	public static final class Builder {

		private final String clientId;

		private TokenPlacement defaultTokenPlacement = TokenPlacement.AUTH_HEADER;

		private String tokenType = "Bearer";

		private String accessToken;

		private String refreshToken;

		private String macKey;

		private String macAlgorithm;

		private Map<String, ?> token;

		private Object scope;

		private String state;

		private String redirectUrl;

		private String codeVerifier;

		private String codeChallenge;

		private String codeChallengeMethod;

		private boolean insecureTransport;

		private boolean relaxTokenScope;

		private boolean strictTokenType;

		private Clock clock = Clock.systemUTC();

		private Supplier<String> stateGenerator = BackendApplicationClient::generateToken;

		private ScopeChangeListener scopeChangeListener;

		private Builder(String clientId) {
			this.clientId = clientId;
		}

		/** Where {@code addToken} puts the token by default ({@code auth_header}). */
		public Builder defaultTokenPlacement(TokenPlacement placement) {
			this.defaultTokenPlacement = Objects.requireNonNull(placement, "defaultTokenPlacement");
			return this;
		}

		/** The token type, stored verbatim and compared case-insensitively ({@code Bearer}). */
		public Builder tokenType(String tokenType) {
			this.tokenType = tokenType;
			return this;
		}

		/** An access token (overridden by a {@link #token(Map)} entry). */
		public Builder accessToken(String accessToken) {
			this.accessToken = accessToken;
			return this;
		}

		/** A refresh token (overridden by a {@link #token(Map)} entry). */
		public Builder refreshToken(String refreshToken) {
			this.refreshToken = refreshToken;
			return this;
		}

		/** The MAC key (overridden by a {@link #token(Map)} entry). */
		public Builder macKey(String macKey) {
			this.macKey = macKey;
			return this;
		}

		/** The MAC algorithm, {@code hmac-sha-1} or {@code hmac-sha-256} (overridden by a token entry). */
		public Builder macAlgorithm(String macAlgorithm) {
			this.macAlgorithm = macAlgorithm;
			return this;
		}

		/**
		 * A previously obtained token (copied; its fields override the explicit ones; {@code expires_in} gives an
		 * expiry of {@code now + int(expires_in)}, {@code expires_at} one of {@code int(expires_at)}).
		 */
		public Builder token(Map<String, ?> token) {
			this.token = token;
			return this;
		}

		/** The default scope as a list (joined with single spaces when sent). */
		public Builder scope(Collection<String> scope) {
			this.scope = (scope != null) ? ScopeSupport.copyRequested(scope, "The scope") : null;
			return this;
		}

		/** The default scope as a string, sent verbatim. */
		public Builder scope(String scope) {
			this.scope = scope;
			return this;
		}

		/** The state (unused by this grant). */
		public Builder state(String state) {
			this.state = state;
			return this;
		}

		/** The redirect URL; note that oauthlib sends it as {@code redirect_uri} in token requests. */
		public Builder redirectUrl(String redirectUrl) {
			this.redirectUrl = redirectUrl;
			return this;
		}

		/** PKCE code verifier (stored only; not sent by this grant). */
		public Builder codeVerifier(String codeVerifier) {
			this.codeVerifier = codeVerifier;
			return this;
		}

		/** PKCE code challenge (stored only). */
		public Builder codeChallenge(String codeChallenge) {
			this.codeChallenge = codeChallenge;
			return this;
		}

		/** PKCE code challenge method (stored only). */
		public Builder codeChallengeMethod(String codeChallengeMethod) {
			this.codeChallengeMethod = codeChallengeMethod;
			return this;
		}

		/** Skip the https check (oauthlib's {@code OAUTHLIB_INSECURE_TRANSPORT}); for tests only. */
		public Builder insecureTransport(boolean insecureTransport) {
			this.insecureTransport = insecureTransport;
			return this;
		}

		/** Return tokens whose scope changed instead of raising (oauthlib's {@code OAUTHLIB_RELAX_TOKEN_SCOPE}). */
		public Builder relaxTokenScope(boolean relaxTokenScope) {
			this.relaxTokenScope = relaxTokenScope;
			return this;
		}

		/** Reject responses without {@code token_type} (oauthlib's {@code OAUTHLIB_STRICT_TOKEN_TYPE}). */
		public Builder strictTokenType(boolean strictTokenType) {
			this.strictTokenType = strictTokenType;
			return this;
		}

		/** The clock for {@code expires_at} and expiry checks (default: system UTC). */
		public Builder clock(Clock clock) {
			this.clock = Objects.requireNonNull(clock, "clock");
			return this;
		}

		/** Generates a state for {@code prepareAuthorizationRequest} (oauthlib's {@code state_generator}). */
		public Builder stateGenerator(Supplier<String> stateGenerator) {
			this.stateGenerator = Objects.requireNonNull(stateGenerator, "stateGenerator");
			return this;
		}

		/** Told about every scope change (oauthlib's {@code scope_changed} signal). */
		public Builder scopeChangeListener(ScopeChangeListener listener) {
			this.scopeChangeListener = listener;
			return this;
		}

		/**
		 * The client.
		 * @throws IllegalArgumentException for a token map oauthlib's constructor would crash on (for example
		 * {@code expires_in: "abc"}) or with non-string token fields
		 */
		public BackendApplicationClient build() {
			return new BackendApplicationClient(this);
		}

	}

}
