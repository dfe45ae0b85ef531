package io.github.oauthclient.http;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import io.github.oauthclient.core.OAuth2Token;
import io.github.oauthclient.core.TokenPlacement;
import io.github.oauthclient.token.DpopProofs;
import io.github.oauthclient.token.TokenProvider;
import io.github.oauthclient.token.TransportSecurity;

/**
 * Which token goes to which resource URLs, and how: one registration as the {@link OAuthClientHttpRequestInterceptor}
 * sees it.
 *
 * <p>A route with resource URLs serves requests under those prefixes only; a route without any serves every request
 * (the single-registration convenience). Plain http is checked once here for listed prefixes (unless insecure
 * transport is allowed, each must be https or loopback) and per request only for a route without prefixes.
 */
public final class TokenRoute {

	private final String registrationId;

	private final List<ResourceUrl> resourceUrls;

	private final TokenProvider tokenProvider;

	private final TokenPlacement placement;

	private final boolean insecureTransport;

	private final String insecureTransportProperty;

	private final TokenPlacer placer;

	private TokenRoute(Builder builder) {
		this.registrationId = builder.registrationId;
		this.resourceUrls = List.copyOf(builder.resourceUrls);
		this.tokenProvider = builder.tokenProvider;
		this.placement = builder.placement;
		this.insecureTransport = builder.insecureTransport;
		this.insecureTransportProperty = builder.insecureTransportProperty;
		if (!this.insecureTransport) {
			for (ResourceUrl url : this.resourceUrls) {
				if (!url.isSecureOrLoopback()) {
					throw new IllegalArgumentException("Resource URL " + url + " of registration '"
							+ this.registrationId + "' uses plain http to a host that is not loopback; use https or "
							+ "set " + this.insecureTransportProperty + "=true");
				}
			}
		}
		this.placer = (builder.dpopProofs != null)
				? new DpopTokenPlacer(this.registrationId, builder.dpopProofs)
				: TokenPlacer.of(this.placement, this.registrationId);
	}

	/**
	 * Starts a route.
	 * @param registrationId the registration name, for messages
	 * @param tokenProvider where its tokens come from
	 * @return a builder
	 */
	public static Builder builder(String registrationId, TokenProvider tokenProvider) {
		return new Builder(registrationId, tokenProvider);
	}

	/** The registration name. */
	public String registrationId() {
		return this.registrationId;
	}

	/** The URL prefixes served; empty when the route serves every request. */
	public List<ResourceUrl> resourceUrls() {
		return this.resourceUrls;
	}

	/** Where the route's tokens come from. */
	public TokenProvider tokenProvider() {
		return this.tokenProvider;
	}

	/** Where the token goes on the request. */
	public TokenPlacement placement() {
		return this.placement;
	}

	/** Whether this route serves every request, having no resource URLs. */
	boolean servesEveryRequest() {
		return this.resourceUrls.isEmpty();
	}

	TokenPlacer placer() {
		return this.placer;
	}

	/**
	 * The {@code Authorization} header value for {@code token} ({@code Bearer <token>}), built once per token: for
	 * clients other than RestTemplate and RestClient (the WebClient filter) with {@code auth_header} placement.
	 * @param token the token to send
	 * @return the header value
	 * @throws IllegalStateException when the token is not a bearer token
	 */
	public String authorizationHeader(OAuth2Token token) {
		HeaderTokenPlacer header = (this.placer instanceof HeaderTokenPlacer cached) ? cached
				: new HeaderTokenPlacer(this.registrationId);
		return header.headerValue(token);
	}

	/**
	 * {@code uri} with {@code access_token=<token>} appended to its query as oauthlib does: for clients other than
	 * RestTemplate and RestClient (the WebClient filter) with {@code query} placement.
	 * @param uri the request URI
	 * @param token the token to send
	 * @return the new URI
	 * @throws IllegalStateException when the token is not a bearer token
	 */
	public URI uriWithAccessToken(URI uri, OAuth2Token token) {
		return QueryTokenPlacer.withAccessToken(uri, TokenPlacer.bearerValue(token, this.registrationId));
	}

	/**
	 * This route without resource URLs: the same token provider, placement and transport rule for every request of a
	 * client that serves this registration alone (an HTTP service group mapped to it).
	 * @return a route serving every request
	 */
	public TokenRoute withoutResourceUrls() {
		return builder(this.registrationId, this.tokenProvider).placement(this.placement)
			.insecureTransport(this.insecureTransport)
			.insecureTransportProperty(this.insecureTransportProperty)
			.build();
	}

	/**
	 * Refuses to send a token over plain http to a host that is not loopback. Free for routes with resource URLs
	 * (checked at construction); allocation-free for https and loopback requests.
	 * @param uri the request URI
	 * @throws InsecureResourceTransportException when the token must not go to {@code uri}
	 */
	public void checkTransport(URI uri) {
		if (this.insecureTransport || !this.resourceUrls.isEmpty()) {
			return;
		}
		if ("https".equalsIgnoreCase(uri.getScheme()) || TransportSecurity.isLoopback(uri.getHost())) {
			return;
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "(none)";
		throw new InsecureResourceTransportException("Refusing to send the access token of OAuth client registration '"
				+ this.registrationId + "' over " + scheme + " to " + uri.getHost()
				+ ", which is not a loopback host. Use https, restrict the registration's resource-urls to the APIs "
				+ "that need the token, or (only for tests and trusted networks) set "
				+ this.insecureTransportProperty + "=true.");
	}

	@Override
	public String toString() {
		return "TokenRoute[registration=" + this.registrationId + ", placement=" + this.placement.value()
				+ ", resourceUrls=" + (this.resourceUrls.isEmpty() ? "(every request)" : this.resourceUrls) + "]";
	}

	/** Builds a {@link TokenRoute}. */
	public static final class Builder {

		private final String registrationId;

		private final TokenProvider tokenProvider;

		private List<ResourceUrl> resourceUrls = List.of();

		private TokenPlacement placement = TokenPlacement.AUTH_HEADER;

		private boolean insecureTransport;

		private String insecureTransportProperty;

		private DpopProofs dpopProofs;

		private Builder(String registrationId, TokenProvider tokenProvider) {
			if (registrationId == null || tokenProvider == null) {
				throw new IllegalArgumentException("registrationId and tokenProvider are required");
			}
			this.registrationId = registrationId;
			this.tokenProvider = tokenProvider;
			this.insecureTransportProperty = ("default".equals(registrationId) ? "oauth.client"
					: "oauth.client.registrations." + registrationId) + ".insecure-transport";
		}

		/** The URL prefixes that receive the token; none means every request. */
		public Builder resourceUrls(List<ResourceUrl> resourceUrls) {
			this.resourceUrls = resourceUrls;
			return this;
		}

		/** Where the token goes; default {@link TokenPlacement#AUTH_HEADER}. */
		public Builder placement(TokenPlacement placement) {
			this.placement = placement;
			return this;
		}

		/** Allow plain http to hosts that are not loopback; default {@code false}. */
		public Builder insecureTransport(boolean insecureTransport) {
			this.insecureTransport = insecureTransport;
			return this;
		}

		/** The property named in "insecure transport" messages. */
		public Builder insecureTransportProperty(String property) {
			this.insecureTransportProperty = property;
			return this;
		}

		/**
		 * Sends DPoP-bound tokens ({@code Authorization: DPoP} with a {@code DPoP} proof per request, RFC 9449)
		 * instead of placing a bearer token; {@code null} for bearer tokens.
		 */
		public Builder dpop(DpopProofs dpopProofs) {
			this.dpopProofs = dpopProofs;
			return this;
		}

		/** Builds the route. */
		public TokenRoute build() {
			return new TokenRoute(this);
		}

	}

}
