package io.github.oauthclient.token;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything one registration's {@link TokenEndpointClient} needs to know: where the token endpoint is, who the
 * client is and how it authenticates, what to ask for, and how long to wait. Immutable; {@link #toString()} masks the
 * secret.
 *
 * <p>Exists so that the configuration of an exchange is validated once, when it is built, with messages that name
 * the property to fix (under {@link #propertyPrefix()}), instead of failing on the first request. It holds what
 * oauthlib's {@code BackendApplicationClient} does not: the secret (oauthlib forgets constructor kwargs), the
 * authentication method, the token or issuer URI and HTTP timeouts. Retries and caching have their own settings
 * ({@link RetryPolicy}, {@link RenewalPolicy}).
 */
public final class TokenEndpointSettings {

	/** The connect timeout used unless another is set. */
	public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

	/** The read timeout used unless another is set. */
	public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);

	/** The largest response body read (1 MiB); a token response is a few kilobytes at most. */
	public static final int DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;

	/** Parameters with properties of their own (or none at all), refused as extra parameters. */
	private static final Set<String> RESERVED_PARAMETERS = Set.of("grant_type", "client_id", "client_secret", "scope",
			"redirect_uri");

	private final String registrationId;

	private final String propertyPrefix;

	private final String tokenUri;

	private final String issuerUri;

	private final String clientId;

	private final String clientSecret;

	private final ClientAuthenticationMethod authenticationMethod;

	private final List<String> scope;

	private final Map<String, String> extraParameters;

	private final boolean includeClientId;

	private final Duration connectTimeout;

	private final Duration readTimeout;

	private final boolean insecureTransport;

	private final int maxResponseBytes;

	private final ClientAssertionFactory clientAssertionFactory;

	private final DpopProofs dpopProofs;

	private TokenEndpointSettings(Builder builder) {
		this.registrationId = builder.registrationId;
		this.propertyPrefix = (builder.propertyPrefix != null) ? builder.propertyPrefix
				: defaultPropertyPrefix(builder.registrationId);
		this.tokenUri = builder.tokenUri;
		this.issuerUri = builder.issuerUri;
		this.clientId = builder.clientId;
		this.clientSecret = builder.clientSecret;
		this.authenticationMethod = builder.authenticationMethod;
		this.scope = (builder.scope != null) ? List.copyOf(builder.scope) : null;
		this.extraParameters = Collections.unmodifiableMap(new LinkedHashMap<>(builder.extraParameters));
		this.includeClientId = builder.includeClientId;
		this.connectTimeout = builder.connectTimeout;
		this.readTimeout = builder.readTimeout;
		this.insecureTransport = builder.insecureTransport;
		this.maxResponseBytes = builder.maxResponseBytes;
		this.clientAssertionFactory = builder.clientAssertionFactory;
		this.dpopProofs = builder.dpopProofs;
		validate();
	}

	/** A builder; {@code clientId} and one of {@code tokenUri} or {@code issuerUri} are required. */
	public static Builder builder() {
		return new Builder();
	}

	/** The registration name ({@code default} unless set), for messages. */
	public String registrationId() {
		return registrationId;
	}

	/**
	 * Where this registration's properties live, for messages: {@code oauth.client} for the registration
	 * {@code default}, {@code oauth.client.registrations.<name>} otherwise, unless set explicitly.
	 */
	public String propertyPrefix() {
		return propertyPrefix;
	}

	/** The full name of one of this registration's properties, such as {@code oauth.client.client-secret}. */
	public String property(String key) {
		return propertyPrefix + "." + key;
	}

	/** The token endpoint, or {@code null} when it is discovered from {@link #issuerUri()}. */
	public String tokenUri() {
		return tokenUri;
	}

	/** The issuer whose metadata names the token endpoint (used only when {@link #tokenUri()} is not set). */
	public String issuerUri() {
		return issuerUri;
	}

	/** The client id. */
	public String clientId() {
		return clientId;
	}

	/** The client secret, or {@code null} for a public client. Never print it. */
	public String clientSecret() {
		return clientSecret;
	}

	/** How the client authenticates ({@code client_secret_basic} unless set). */
	public ClientAuthenticationMethod authenticationMethod() {
		return authenticationMethod;
	}

	/**
	 * The scopes to request: {@code null} means the {@code BackendApplicationClient}'s own scope (oauthlib's
	 * fallback), an empty list means none.
	 */
	public List<String> scope() {
		return scope;
	}

	/** Extra form parameters (RFC 8707 {@code resource}, Auth0's {@code audience}, ...), in order. */
	public Map<String, String> extraParameters() {
		return extraParameters;
	}

	/**
	 * oauthlib's {@code include_client_id} for {@code client_secret_basic} (default {@code false}); the other methods
	 * always send {@code client_id} in the body.
	 */
	public boolean includeClientId() {
		return includeClientId;
	}

	/** How long to wait for the TCP (and TLS) connection. */
	public Duration connectTimeout() {
		return connectTimeout;
	}

	/** How long to wait for the response. */
	public Duration readTimeout() {
		return readTimeout;
	}

	/** Whether plain HTTP to non-loopback hosts is allowed (the {@code insecure-transport} property). */
	public boolean insecureTransport() {
		return insecureTransport;
	}

	/** The largest response body read; a larger one is an error. */
	public int maxResponseBytes() {
		return maxResponseBytes;
	}

	/**
	 * What signs the JWT client assertions of {@code private_key_jwt} and {@code client_secret_jwt}, or {@code null}
	 * for the other methods.
	 */
	public ClientAssertionFactory clientAssertionFactory() {
		return clientAssertionFactory;
	}

	/** What signs the DPoP proofs of token requests (RFC 9449), or {@code null} for bearer tokens. */
	public DpopProofs dpopProofs() {
		return dpopProofs;
	}

	@Override
	public String toString() {
		return "TokenEndpointSettings[registrationId=" + registrationId + ", tokenUri=" + tokenUri + ", issuerUri="
				+ issuerUri + ", clientId=" + clientId + ", clientSecret=" + ((clientSecret != null) ? "******" : null)
				+ ", authenticationMethod=" + authenticationMethod.value() + ", scope=" + scope
				+ ", extraParameters=" + extraParameters.keySet() + ", includeClientId=" + includeClientId
				+ ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + ", insecureTransport="
				+ insecureTransport + "]";
	}

	private static String defaultPropertyPrefix(String registrationId) {
		return "default".equals(registrationId) ? "oauth.client" : "oauth.client.registrations." + registrationId;
	}

	private void validate() {
		if (clientId == null || clientId.isBlank()) {
			throw invalid("client-id", "is required");
		}
		if (tokenUri == null && issuerUri == null) {
			throw new IllegalArgumentException("Registration '" + registrationId + "' needs a token endpoint: set "
					+ property("token-uri") + " (or " + property("issuer-uri") + " to discover it)");
		}
		if (tokenUri != null) {
			requireAllowedUri("token-uri", tokenUri, insecureTransport);
		}
		if (issuerUri != null) {
			requireAllowedUri("issuer-uri", issuerUri, insecureTransport);
		}
		boolean needsSecret = authenticationMethod.requiresClientSecret();
		if (needsSecret && (clientSecret == null || clientSecret.isEmpty())) {
			throw invalid("client-secret", "is required for authentication method " + authenticationMethod.value()
					+ " (for a public client without a secret set " + property("authentication-method") + "=none)");
		}
		if (!needsSecret && clientSecret != null) {
			throw invalid("client-secret", "is set, but authentication method " + authenticationMethod.value()
					+ " sends no secret: remove it or set " + property("authentication-method")
					+ " to client_secret_basic or client_secret_post");
		}
		if (authenticationMethod.usesClientAssertion() && clientAssertionFactory == null) {
			throw invalid("jwt-assertion", "is required for authentication method " + authenticationMethod.value()
					+ ": a ClientAssertionFactory that signs the client assertions");
		}
		extraParameters.forEach((name, value) -> {
			if (name == null || name.isEmpty() || value == null) {
				throw invalid("extra-parameters", "must not contain empty names or null values");
			}
			if (RESERVED_PARAMETERS.contains(name.toLowerCase(Locale.ROOT))) {
				throw invalid("extra-parameters", "must not contain '" + name
						+ "': it is set by the client itself (use the scope, client-id and client-secret properties)");
			}
		});
		requirePositive("connect-timeout", connectTimeout);
		requirePositive("read-timeout", readTimeout);
		if (maxResponseBytes <= 0) {
			throw new IllegalArgumentException("maxResponseBytes must be positive, was " + maxResponseBytes);
		}
	}

	/**
	 * Checks that {@code uri} is an absolute http(s) URI with a host, sent over TLS unless it is loopback or
	 * insecure transport is allowed.
	 */
	void requireAllowedUri(String key, String uri, boolean insecure) {
		URI parsed;
		try {
			parsed = new URI(uri);
		}
		catch (URISyntaxException ex) {
			throw invalid(key, "is not a valid URI ('" + uri + "': " + ex.getReason() + ")");
		}
		String scheme = parsed.getScheme();
		if (scheme == null || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))
				|| parsed.getHost() == null) {
			throw invalid(key, "must be an absolute https URI such as https://idp.example.com/oauth2/token, was '"
					+ uri + "'");
		}
		if (parsed.getUserInfo() != null) {
			throw invalid(key, "must not contain user info; set client-id and client-secret instead");
		}
		if (!TransportSecurity.isAllowed(parsed, insecure)) {
			throw invalid(key, "uses plain http to a host that is not loopback ('" + parsed.getHost()
					+ "'): the client secret and tokens would travel unencrypted. Use https, or set "
					+ property("insecure-transport") + "=true if you really mean it");
		}
	}

	private IllegalArgumentException invalid(String key, String problem) {
		return new IllegalArgumentException(property(key) + " " + problem);
	}

	private void requirePositive(String key, Duration value) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw invalid(key, "must be positive, was " + value);
		}
	}

	/** Builds {@link TokenEndpointSettings}. */
	public static final class Builder {

		private String registrationId = "default";

		private String propertyPrefix;

		private String tokenUri;

		private String issuerUri;

		private String clientId;

		private String clientSecret;

		private ClientAuthenticationMethod authenticationMethod = ClientAuthenticationMethod.CLIENT_SECRET_BASIC;

		private List<String> scope;

		private final Map<String, String> extraParameters = new LinkedHashMap<>();

		private boolean includeClientId;

		private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;

		private Duration readTimeout = DEFAULT_READ_TIMEOUT;

		private boolean insecureTransport;

		private int maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;

		private ClientAssertionFactory clientAssertionFactory;

		private DpopProofs dpopProofs;

		private Builder() {
		}

		/** The registration name (default {@code default}). */
		public Builder registrationId(String registrationId) {
			this.registrationId = Objects.requireNonNull(registrationId, "registrationId");
			return this;
		}

		/** Where the registration's properties live, for messages (derived from the name unless set). */
		public Builder propertyPrefix(String propertyPrefix) {
			this.propertyPrefix = propertyPrefix;
			return this;
		}

		/** The token endpoint. */
		public Builder tokenUri(String tokenUri) {
			this.tokenUri = tokenUri;
			return this;
		}

		/** The issuer, whose metadata names the token endpoint when {@link #tokenUri} is not set. */
		public Builder issuerUri(String issuerUri) {
			this.issuerUri = issuerUri;
			return this;
		}

		/** The client id. */
		public Builder clientId(String clientId) {
			this.clientId = clientId;
			return this;
		}

		/** The client secret ({@code null} for a public client). */
		public Builder clientSecret(String clientSecret) {
			this.clientSecret = clientSecret;
			return this;
		}

		/** How the client authenticates. */
		public Builder authenticationMethod(ClientAuthenticationMethod method) {
			this.authenticationMethod = Objects.requireNonNull(method, "method");
			return this;
		}

		/** The scopes to request ({@code null}: the client's own scope; empty: none). */
		public Builder scope(List<String> scope) {
			this.scope = scope;
			return this;
		}

		/** Adds extra form parameters, in iteration order. */
		public Builder extraParameters(Map<String, String> parameters) {
			this.extraParameters.putAll(parameters);
			return this;
		}

		/** Adds one extra form parameter. */
		public Builder extraParameter(String name, String value) {
			this.extraParameters.put(name, value);
			return this;
		}

		/** oauthlib's {@code include_client_id} for {@code client_secret_basic}. */
		public Builder includeClientId(boolean includeClientId) {
			this.includeClientId = includeClientId;
			return this;
		}

		/** The connect timeout. */
		public Builder connectTimeout(Duration connectTimeout) {
			this.connectTimeout = connectTimeout;
			return this;
		}

		/** The read timeout. */
		public Builder readTimeout(Duration readTimeout) {
			this.readTimeout = readTimeout;
			return this;
		}

		/** Allows plain HTTP to non-loopback hosts. */
		public Builder insecureTransport(boolean insecureTransport) {
			this.insecureTransport = insecureTransport;
			return this;
		}

		/** The largest response body read. */
		public Builder maxResponseBytes(int maxResponseBytes) {
			this.maxResponseBytes = maxResponseBytes;
			return this;
		}

		/** What signs the client assertions; required for {@code private_key_jwt} and {@code client_secret_jwt}. */
		public Builder clientAssertionFactory(ClientAssertionFactory clientAssertionFactory) {
			this.clientAssertionFactory = clientAssertionFactory;
			return this;
		}

		/** Sends a DPoP proof with every token request (RFC 9449); {@code null} for bearer tokens. */
		public Builder dpopProofs(DpopProofs dpopProofs) {
			this.dpopProofs = dpopProofs;
			return this;
		}

		/**
		 * The settings.
		 *
		 * @throws IllegalArgumentException naming the property when a value is missing or wrong
		 */
		public TokenEndpointSettings build() {
			return new TokenEndpointSettings(this);
		}
	}
}
