package io.github.oauthclient.autoconfigure;

import java.net.URI;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.http.client.ClientHttpRequestFactory;

import io.github.oauthclient.core.BackendApplicationClient;
import io.github.oauthclient.http.TokenRoute;
import io.github.oauthclient.token.CachingTokenProvider;
import io.github.oauthclient.token.DpopProofs;
import io.github.oauthclient.token.RenewalPolicy;
import io.github.oauthclient.token.RetryPolicy;
import io.github.oauthclient.token.RetryingTokenProvider;
import io.github.oauthclient.token.TokenEndpointClient;
import io.github.oauthclient.token.TokenEndpointSettings;
import io.github.oauthclient.token.TokenProvider;
import io.github.oauthclient.token.TokenRequestObserver;
import io.github.oauthclient.token.TransportSecurity;
import io.github.oauthclient.token.store.SharedTokenCache;

/**
 * Builds the parts of one registration from its {@link ResolvedRegistration}: the oauthlib-faithful
 * {@link BackendApplicationClient}, the token provider chain (endpoint exchange, retries, cache) and the
 * {@link TokenRoute} the interceptor uses.
 *
 * <p>Token requests go through Boot's {@link ClientHttpRequestFactoryBuilder} (the application's HTTP client library
 * and {@code spring.http.clients.*} settings), with the registration's timeouts and SSL bundle, never following
 * redirects (the JDK client would forward the Authorization header to another origin). They use a RestClient of their
 * own, not Boot's customized builder, so the resource interceptor never sees a token request.
 */
final class RegistrationAssembler {

	private final ClientHttpRequestFactoryBuilder<?> requestFactoryBuilder;

	private final HttpClientSettings httpClientSettings;

	private final SslBundles sslBundles;

	private DpopKeys dpopKeys;

	private final TokenRequestObserver requestObserver;

	/** The fleet-wide second cache level under every registration's in-memory cache, or null. */
	private final SharedTokenCache sharedTokenCache;

	RegistrationAssembler(ClientHttpRequestFactoryBuilder<?> requestFactoryBuilder,
			HttpClientSettings httpClientSettings, SslBundles sslBundles) {
		this(requestFactoryBuilder, httpClientSettings, sslBundles, null);
	}

	RegistrationAssembler(ClientHttpRequestFactoryBuilder<?> requestFactoryBuilder,
			HttpClientSettings httpClientSettings, SslBundles sslBundles, SharedTokenCache sharedTokenCache) {
		this(requestFactoryBuilder, httpClientSettings, sslBundles, sharedTokenCache, TokenRequestObserver.NONE);
	}

	RegistrationAssembler(ClientHttpRequestFactoryBuilder<?> requestFactoryBuilder,
			HttpClientSettings httpClientSettings, SslBundles sslBundles, SharedTokenCache sharedTokenCache,
			TokenRequestObserver requestObserver) {
		this.requestFactoryBuilder = requestFactoryBuilder;
		this.httpClientSettings = httpClientSettings;
		this.sslBundles = sslBundles;
		this.sharedTokenCache = sharedTokenCache;
		this.requestObserver = requestObserver;
	}

	/** This assembler, with token requests wrapped by {@code observer} (metrics), or unchanged when {@code null}. */
	RegistrationAssembler observedBy(TokenRequestObserver observer) {
		return (observer == null) ? this
				: new RegistrationAssembler(this.requestFactoryBuilder, this.httpClientSettings, this.sslBundles,
						this.sharedTokenCache, observer);
	}

	/**
	 * The oauthlib port for a registration. Its own https check is relaxed for loopback token endpoints (and when the
	 * user allows insecure transport); the token layer still enforces "https or loopback" on every request.
	 */
	static BackendApplicationClient client(ResolvedRegistration registration) {
		return BackendApplicationClient.builder(registration.clientId())
			.scope(registration.scope().isEmpty() ? null : registration.scope())
			.defaultTokenPlacement(registration.tokenPlacement())
			.insecureTransport(registration.insecureTransport() || hasLoopbackEndpoint(registration))
			.relaxTokenScope(registration.relaxTokenScope())
			.strictTokenType(registration.strictTokenType())
			.build();
	}

	private static boolean hasLoopbackEndpoint(ResolvedRegistration registration) {
		String endpoint = (registration.tokenUri() != null) ? registration.tokenUri() : registration.issuerUri();
		return TransportSecurity.isLoopback(URI.create(endpoint).getHost());
	}

	/** What the token endpoint client needs; the scope is left to {@code client} (oauthlib's fallback). */
	static TokenEndpointSettings settings(ResolvedRegistration registration) {
		return settings(registration, null);
	}

	/** What the token endpoint client needs, with the registration's DPoP proofs (or {@code null}). */
	static TokenEndpointSettings settings(ResolvedRegistration registration, DpopProofs dpop) {
		try {
			return TokenEndpointSettings.builder()
				.registrationId(registration.name())
				.propertyPrefix(registration.propertyPrefix())
				.tokenUri(registration.tokenUri())
				.issuerUri(registration.issuerUri())
				.clientId(registration.clientId())
				.clientSecret(registration.clientSecret())
				.authenticationMethod(registration.authenticationMethod())
				.extraParameters(registration.extraParameters())
				.includeClientId(registration.includeClientId())
				.connectTimeout(registration.connectTimeout())
				.readTimeout(registration.readTimeout())
				.insecureTransport(registration.insecureTransport())
				.clientAssertionFactory(ClientAssertionFactories.create(registration))
				.dpopProofs(dpop)
				.build();
		}
		catch (IllegalArgumentException ex) {
			// the resolver checks nearly everything first; this reports the rest (such as reserved extra parameters)
			throw new InvalidOAuthClientPropertyException(registration.propertyPrefix(),
					"is invalid: " + ex.getMessage(), "Correct the property named in the message.");
		}
	}

	/**
	 * The registration's token provider: one exchange per request ({@link TokenEndpointClient}), retried
	 * ({@link RetryingTokenProvider}) and cached with renewal ahead of expiry ({@link CachingTokenProvider}); with a
	 * {@link SharedTokenCache}, shared by the fleet under the in-memory cache.
	 */
	TokenProvider tokenProvider(ResolvedRegistration registration, BackendApplicationClient client) {
		TokenEndpointSettings settings = settings(registration,
				(this.dpopKeys != null) ? this.dpopKeys.of(registration) : null);
		TokenProvider exchange = new TokenEndpointClient(client, settings, requestFactory(registration));
		TokenProvider retrying = new RetryingTokenProvider(exchange,
				RetryPolicy.of(registration.retryMaxAttempts(), registration.retryBackoff()));
		RenewalPolicy renewalPolicy = RenewalPolicy.defaults()
			.withMaxRenewalWindow(registration.renewBeforeExpiry())
			.withDefaultLifetime(registration.defaultTokenLifetime());
		TokenProvider fetching = (this.sharedTokenCache != null)
				? this.sharedTokenCache.share(settings, registration.scope(), retrying, renewalPolicy) : retrying;
		return CachingTokenProvider.builder(fetching)
			.registrationId(registration.name())
			.requestObserver(this.requestObserver)
			.renewalPolicy(renewalPolicy)
			.build();
	}

	/** Where the registration's tokens may go and how. */
	static TokenRoute route(ResolvedRegistration registration, TokenProvider tokenProvider) {
		return route(registration, tokenProvider, null);
	}

	/** Where the registration's tokens may go and how, DPoP-bound when {@code dpop} is not {@code null}. */
	static TokenRoute route(ResolvedRegistration registration, TokenProvider tokenProvider, DpopProofs dpop) {
		return TokenRoute.builder(registration.name(), tokenProvider)
			.dpop(dpop)
			.resourceUrls(registration.resourceUrls())
			.placement(registration.tokenPlacement())
			.insecureTransport(registration.insecureTransport())
			.insecureTransportProperty(registration.property("insecure-transport"))
			.build();
	}

	/** Uses {@code keys} for the DPoP key pairs of registrations with dpop.enabled. */
	RegistrationAssembler dpopKeys(DpopKeys keys) {
		this.dpopKeys = keys;
		return this;
	}

	private ClientHttpRequestFactory requestFactory(ResolvedRegistration registration) {
		HttpClientSettings settings = this.httpClientSettings
			.withTimeouts(registration.connectTimeout(), registration.readTimeout())
			.withRedirects(HttpRedirects.DONT_FOLLOW);
		if (registration.sslBundle() != null) {
			settings = settings.withSslBundle(sslBundle(registration));
		}
		if (registration.authenticationMethod().usesClientCertificate()) {
			ClientCertificates.require(registration, settings.sslBundle());
		}
		return this.requestFactoryBuilder.build(settings);
	}

	private org.springframework.boot.ssl.SslBundle sslBundle(ResolvedRegistration registration) {
		String property = registration.property("ssl-bundle");
		if (this.sslBundles == null) {
			throw new InvalidOAuthClientPropertyException(property,
					"names SSL bundle '" + registration.sslBundle() + "', but the application has no SSL bundles",
					"Define it under spring.ssl.bundle (jks or pem), or remove " + property + ".");
		}
		try {
			return this.sslBundles.getBundle(registration.sslBundle());
		}
		catch (NoSuchSslBundleException ex) {
			throw new InvalidOAuthClientPropertyException(property,
					"names SSL bundle '" + registration.sslBundle() + "', which does not exist",
					"Define it under spring.ssl.bundle.jks." + registration.sslBundle() + " or spring.ssl.bundle.pem."
							+ registration.sslBundle() + ", or correct " + property + ".");
		}
	}

}
