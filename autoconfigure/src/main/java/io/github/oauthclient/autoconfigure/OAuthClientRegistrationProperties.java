package io.github.oauthclient.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys of one client-credentials registration, as written under {@code oauth.client} (the default registration)
 * or {@code oauth.client.registrations.<name>} (a named registration).
 *
 * <p>Every field is {@code null} until the user sets it, so that a named registration can tell "not set" (inherit the
 * value of {@code oauth.client}) from "set". The defaults documented on each property apply after inheritance; they
 * live in {@link RegistrationResolver}, and IDEs see them through the configuration metadata. Bad values are reported
 * at start-up by {@link RegistrationResolver} with the property name and the fix.
 */
public class OAuthClientRegistrationProperties {

	/**
	 * Whether this registration is active. On oauth.client itself, false switches the whole auto-configuration off
	 * (also for named registrations); on a named registration, false drops just that registration. Default: true.
	 */
	private Boolean enabled;

	/**
	 * Token endpoint URI, for example https://idp.example.com/oauth2/token. Set this or issuer-uri, not both. A
	 * registration that sets token-uri or issuer-uri inherits neither of the two from oauth.client.
	 */
	private String tokenUri;

	/**
	 * Issuer URI whose token endpoint is discovered (RFC 8414 /.well-known/oauth-authorization-server, then OpenID
	 * /.well-known/openid-configuration) on the first token request, not at start-up. Set this or token-uri.
	 */
	private String issuerUri;

	/** Client identifier issued by the authorization server. Required. */
	private String clientId;

	/**
	 * Client secret. Required for client_secret_basic, client_secret_post and client_secret_jwt, not allowed with
	 * none and private_key_jwt. Never logged or shown. A registration that sets its own client-id does not inherit the client-secret of oauth.client.
	 */
	private String clientSecret;

	/**
	 * How the client authenticates at the token endpoint: client_secret_basic (HTTP Basic, RFC 6749 section 2.3.1
	 * encoding), client_secret_post (client_id and client_secret in the form body), none (public client: no
	 * secret), private_key_jwt (a JWT assertion signed with the key of jwt-assertion.*, no secret) or
	 * client_secret_jwt (a JWT assertion signed with HMAC keyed by the client-secret), tls_client_auth or
	 * self_signed_tls_client_auth (mutual TLS with the client certificate of ssl-bundle, RFC 8705). Default:
	 * client_secret_basic.
	 */
	private String authenticationMethod;

	/**
	 * Whether to add client_id to the token request body, like oauthlib's include_client_id (client_secret_post and
	 * none always send it). Default: false.
	 */
	private Boolean includeClientId;

	/**
	 * Scopes to request: a list, or one space-separated string. Empty or unset: no scope parameter (the server's
	 * default scopes).
	 */
	private List<String> scope;

	/**
	 * Extra token request parameters by name, for example audience (Auth0) or resource (RFC 8707, Entra ID). Merged
	 * key by key with those of oauth.client; an empty value drops the parameter.
	 */
	private Map<String, String> extraParameters = new LinkedHashMap<>();

	/**
	 * Where the access token goes on requests to the resource: auth_header (Authorization: Bearer), query
	 * (access_token query parameter) or body (access_token form field; only for requests with an
	 * application/x-www-form-urlencoded body or without a body, never GET). Default: auth_header.
	 */
	private String tokenPlacement;

	/**
	 * URL prefixes (scheme, host, port, path prefix) whose requests receive this registration's token, for example
	 * https://api.example.com/v1. The longest matching prefix of all registrations wins; requests matching none go out
	 * unchanged. Required when there are several registrations; with one registration and none listed, every request
	 * receives the token (a start-up warning says how to restrict it). Named registrations do not inherit the
	 * resource-urls of an oauth.client that has a client-id of its own.
	 */
	private List<String> resourceUrls;

	/**
	 * Names of HTTP service groups (@ImportHttpServices(group = "...")) whose clients send this registration's token
	 * with every request, whatever its URL (still only over https or to loopback hosts, unless insecure-transport is
	 * set); their base URL lives in Boot's spring.http.serviceclient.<group>.base-url. A group may be listed by one
	 * registration only. Not inherited: oauth.client.http-service-groups maps groups to the registration at the root.
	 * Default: none; groups not listed anywhere are routed by resource-urls like any Boot-built client.
	 */
	private List<String> httpServiceGroups;

	/**
	 * The longest renewal window: a cached token is renewed in the background during the last quarter of its
	 * lifetime, but never earlier than this before it expires (so a 10s token is renewed after 7.5s and a 1h token
	 * 5 minutes before expiry). Callers keep the current token while it is renewed. Default: 5m.
	 */
	private Duration renewBeforeExpiry;

	/** Lifetime assumed for a token whose response has no expires_in. Default: 5m. */
	private Duration defaultTokenLifetime;

	/**
	 * Name of an SSL bundle (spring.ssl.bundle.*) for token and discovery requests, for a private CA or mutual TLS.
	 * Unset: the SSL bundle of spring.http.clients, else the JVM's defaults. With tls_client_auth and
	 * self_signed_tls_client_auth its key store must hold the client certificate and key.
	 */
	private String sslBundle;

	/** Connect timeout of token requests. Default: 5s. */
	private Duration connectTimeout;

	/** Read timeout of token requests. Default: 10s. */
	private Duration readTimeout;

	/** Retries of failed token requests. */
	private final Retry retry = new Retry();

	/**
	 * Whether tokens may go to the token endpoint and to resource URLs over plain http to hosts that are not loopback
	 * (oauthlib's OAUTHLIB_INSECURE_TRANSPORT). Loopback hosts (localhost, 127.0.0.0/8, ::1) never need it. Only for
	 * tests and trusted networks. Default: false.
	 */
	private Boolean insecureTransport;

	/**
	 * Whether a token granted with other scopes than requested is accepted (logging one warning per registration)
	 * rather than rejected; many servers, Keycloak among them, add or reorder scopes (oauthlib's
	 * OAUTHLIB_RELAX_TOKEN_SCOPE). Default: true.
	 */
	private Boolean relaxTokenScope;

	/**
	 * Whether a token response without token_type is rejected (oauthlib's OAUTHLIB_STRICT_TOKEN_TYPE). Default: false.
	 */
	private Boolean strictTokenType;

	public Boolean getEnabled() {
		return this.enabled;
	}

	public void setEnabled(Boolean enabled) {
		this.enabled = enabled;
	}

	public String getTokenUri() {
		return this.tokenUri;
	}

	public void setTokenUri(String tokenUri) {
		this.tokenUri = tokenUri;
	}

	public String getIssuerUri() {
		return this.issuerUri;
	}

	public void setIssuerUri(String issuerUri) {
		this.issuerUri = issuerUri;
	}

	public String getClientId() {
		return this.clientId;
	}

	public void setClientId(String clientId) {
		this.clientId = clientId;
	}

	public String getClientSecret() {
		return this.clientSecret;
	}

	public void setClientSecret(String clientSecret) {
		this.clientSecret = clientSecret;
	}

	public String getAuthenticationMethod() {
		return this.authenticationMethod;
	}

	public void setAuthenticationMethod(String authenticationMethod) {
		this.authenticationMethod = authenticationMethod;
	}

	public Boolean getIncludeClientId() {
		return this.includeClientId;
	}

	public void setIncludeClientId(Boolean includeClientId) {
		this.includeClientId = includeClientId;
	}

	public List<String> getScope() {
		return this.scope;
	}

	public void setScope(List<String> scope) {
		this.scope = scope;
	}

	public Map<String, String> getExtraParameters() {
		return this.extraParameters;
	}

	public void setExtraParameters(Map<String, String> extraParameters) {
		this.extraParameters = extraParameters;
	}

	public String getTokenPlacement() {
		return this.tokenPlacement;
	}

	public void setTokenPlacement(String tokenPlacement) {
		this.tokenPlacement = tokenPlacement;
	}

	public List<String> getResourceUrls() {
		return this.resourceUrls;
	}

	public void setResourceUrls(List<String> resourceUrls) {
		this.resourceUrls = resourceUrls;
	}

	public List<String> getHttpServiceGroups() {
		return this.httpServiceGroups;
	}

	public void setHttpServiceGroups(List<String> httpServiceGroups) {
		this.httpServiceGroups = httpServiceGroups;
	}

	public Duration getRenewBeforeExpiry() {
		return this.renewBeforeExpiry;
	}

	public void setRenewBeforeExpiry(Duration renewBeforeExpiry) {
		this.renewBeforeExpiry = renewBeforeExpiry;
	}

	public Duration getDefaultTokenLifetime() {
		return this.defaultTokenLifetime;
	}

	public void setDefaultTokenLifetime(Duration defaultTokenLifetime) {
		this.defaultTokenLifetime = defaultTokenLifetime;
	}

	public String getSslBundle() {
		return this.sslBundle;
	}

	public void setSslBundle(String sslBundle) {
		this.sslBundle = sslBundle;
	}

	public Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	public void setConnectTimeout(Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

	public Duration getReadTimeout() {
		return this.readTimeout;
	}

	public void setReadTimeout(Duration readTimeout) {
		this.readTimeout = readTimeout;
	}

	public Retry getRetry() {
		return this.retry;
	}

	public Boolean getInsecureTransport() {
		return this.insecureTransport;
	}

	public void setInsecureTransport(Boolean insecureTransport) {
		this.insecureTransport = insecureTransport;
	}

	public Boolean getRelaxTokenScope() {
		return this.relaxTokenScope;
	}

	public void setRelaxTokenScope(Boolean relaxTokenScope) {
		this.relaxTokenScope = relaxTokenScope;
	}

	public Boolean getStrictTokenType() {
		return this.strictTokenType;
	}

	public void setStrictTokenType(Boolean strictTokenType) {
		this.strictTokenType = strictTokenType;
	}

	/** Retries of token requests that failed with an I/O error or a 5xx/429 answer. */
	public static class Retry {

		/** Attempts per token request, the first included; 1 disables retries. Default: 3. */
		private Integer maxAttempts;

		/** Wait before the first retry; doubles with every further retry. Default: 200ms. */
		private Duration backoff;

		public Integer getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(Integer maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		public Duration getBackoff() {
			return this.backoff;
		}

		public void setBackoff(Duration backoff) {
			this.backoff = backoff;
		}

	}

	/**
	 * The key and claims of the JWT client assertions sent with authentication-method private_key_jwt or
	 * client_secret_jwt (RFC 7523).
	 */
	private final JwtAssertion jwtAssertion = new JwtAssertion();

	public JwtAssertion getJwtAssertion() {
		return this.jwtAssertion;
	}

	/**
	 * How JWT client assertions (private_key_jwt, client_secret_jwt) are signed and addressed. For private_key_jwt set
	 * exactly one of private-key-location, jwk-location and key-store.location; client_secret_jwt signs with the
	 * client-secret. A registration with its own client-id inherits none of these keys from oauth.client.
	 */
	public static class JwtAssertion {

		/**
		 * Location of a PEM file with the private key of private_key_jwt: PKCS#8 (BEGIN PRIVATE KEY or BEGIN ENCRYPTED
		 * PRIVATE KEY), PKCS#1 RSA or SEC 1 EC; for example file:/etc/secrets/client-key.pem or
		 * classpath:client-key.pem. A path without prefix is a file.
		 */
		private String privateKeyLocation;

		/** Password of an encrypted PKCS#8 private-key-location. Never logged. */
		private String privateKeyPassword;

		/**
		 * Location of a JSON file with one private JWK (RFC 7517; RSA or EC, with the private parts) for private_key_jwt.
		 * Its kid and alg are used unless key-id or algorithm are set.
		 */
		private String jwkLocation;

		/** A key store holding the private key of private_key_jwt. */
		private final KeyStore keyStore = new KeyStore();

		/**
		 * JWS algorithm of the assertions: RS256, RS384, RS512, PS256, PS384 or PS512 for an RSA key; ES256 (P-256),
		 * ES384 (P-384) or ES512 (P-521) for an EC key; HS256, HS384 or HS512 for client_secret_jwt. Default: RS256 for
		 * RSA keys, ES256/ES384/ES512 by the curve of EC keys, the JWK's alg if it has one, HS256 for client_secret_jwt.
		 */
		private String algorithm;

		/**
		 * Key id sent as the kid header, so the server can pick the key from the client's JWK set. Default: the kid of
		 * the JWK (jwk-location); none for PEM files and key stores.
		 */
		private String keyId;

		/**
		 * The aud claim: token-endpoint (the token endpoint URI, as RFC 7523 and OpenID Connect require), issuer (the
		 * issuer-uri, for servers that want the issuer) or an absolute URI used as given. Default: token-endpoint.
		 */
		private String audience;

		/** Lifetime of each assertion (exp minus iat); each token request gets a new one. Default: 60s. */
		private Duration lifetime;

		public String getPrivateKeyLocation() {
			return this.privateKeyLocation;
		}

		public void setPrivateKeyLocation(String privateKeyLocation) {
			this.privateKeyLocation = privateKeyLocation;
		}

		public String getPrivateKeyPassword() {
			return this.privateKeyPassword;
		}

		public void setPrivateKeyPassword(String privateKeyPassword) {
			this.privateKeyPassword = privateKeyPassword;
		}

		public String getJwkLocation() {
			return this.jwkLocation;
		}

		public void setJwkLocation(String jwkLocation) {
			this.jwkLocation = jwkLocation;
		}

		public KeyStore getKeyStore() {
			return this.keyStore;
		}

		public String getAlgorithm() {
			return this.algorithm;
		}

		public void setAlgorithm(String algorithm) {
			this.algorithm = algorithm;
		}

		public String getKeyId() {
			return this.keyId;
		}

		public void setKeyId(String keyId) {
			this.keyId = keyId;
		}

		public String getAudience() {
			return this.audience;
		}

		public void setAudience(String audience) {
			this.audience = audience;
		}

		public Duration getLifetime() {
			return this.lifetime;
		}

		public void setLifetime(Duration lifetime) {
			this.lifetime = lifetime;
		}

		/** A PKCS12 or JKS key store with the signing key of private_key_jwt. */
		public static class KeyStore {

			/** Location of the key store, for example file:/etc/secrets/client.p12. A path without prefix is a file. */
			private String location;

			/** Key store type: PKCS12 or JKS. Default: PKCS12. */
			private String type;

			/** Password of the key store. Never logged. */
			private String password;

			/** Alias of the private key entry. Default: the only key entry of the store. */
			private String alias;

			/** Password of the key entry. Default: the key store password. Never logged. */
			private String keyPassword;

			public String getLocation() {
				return this.location;
			}

			public void setLocation(String location) {
				this.location = location;
			}

			public String getType() {
				return this.type;
			}

			public void setType(String type) {
				this.type = type;
			}

			public String getPassword() {
				return this.password;
			}

			public void setPassword(String password) {
				this.password = password;
			}

			public String getAlias() {
				return this.alias;
			}

			public void setAlias(String alias) {
				this.alias = alias;
			}

			public String getKeyPassword() {
				return this.keyPassword;
			}

			public void setKeyPassword(String keyPassword) {
				this.keyPassword = keyPassword;
			}

		}

	}

	/** DPoP (RFC 9449): sender-constrained tokens bound to a key pair of this registration. */
	private final Dpop dpop = new Dpop();

	public Dpop getDpop() {
		return this.dpop;
	}

	/** DPoP settings. */
	public static class Dpop {

		/**
		 * Whether to request DPoP-bound tokens (RFC 9449): an ES256 key pair is generated for the registration at
		 * start-up, every token request and every resource request carries a new DPoP proof, tokens are sent as
		 * Authorization: DPoP, and a server's use_dpop_nonce is answered once with its nonce. Default: false.
		 */
		private Boolean enabled;

		public Boolean getEnabled() {
			return this.enabled;
		}

		public void setEnabled(Boolean enabled) {
			this.enabled = enabled;
		}

	}

}
