package io.github.oauthclient.reactive;

import java.net.URI;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

import io.github.oauthclient.core.OAuth2Token;
import io.github.oauthclient.core.TokenPlacement;
import io.github.oauthclient.http.InsecureResourceTransportException;
import io.github.oauthclient.http.OAuthClientHttpRequestInterceptor;
import io.github.oauthclient.http.TokenRoute;
import io.github.oauthclient.http.TokenRouter;

/**
 * Attaches client-credentials access tokens to the requests of a {@code WebClient}: the reactive counterpart of the
 * {@link OAuthClientHttpRequestInterceptor}, with the same routes and rules.
 *
 * <p>For each request the {@link TokenRouter} picks the route whose resource URL is the longest prefix of the request
 * URL (a route without resource URLs serves every request); a request no route serves goes out unchanged. A token
 * never goes over plain http to a host that is not loopback unless the route allows insecure transport: such a
 * request fails with an {@link InsecureResourceTransportException}. If the resource answers 401, the response body is
 * released, the token is invalidated, a fresh one is obtained and the request is sent once more; a second 401 is
 * returned to the caller as is. The retry sends the same {@link ClientRequest} again, which works for bodies from
 * values ({@code bodyValue}, form data) but not for a one-shot {@code Publisher} body.
 *
 * <p>Placements: {@code auth_header} and {@code query} as on the servlet side. {@code body} is refused per request
 * (an {@link IllegalStateException} before any token is fetched): a WebClient body is written by its inserter after
 * the filters ran, so the token cannot be added to it; such APIs need {@code auth_header}/{@code query}, or a
 * RestClient.
 *
 * <p>Token acquisition never blocks the subscribing thread (see {@link ReactiveTokenProvider}): on the hot path
 * (cached token, matching URL) the token comes from an already-built Mono.
 */
public final class OAuthClientExchangeFilterFunction implements ExchangeFilterFunction {

	private static final Log logger = LogFactory.getLog(OAuthClientExchangeFilterFunction.class);

	private static final int UNAUTHORIZED = 401;

	private final List<TokenRoute> routes;

	private final TokenRouter router;

	private final Map<TokenRoute, ReactiveTokenProvider> tokens = new IdentityHashMap<>();

	/**
	 * Creates a filter for the given routes.
	 * @param routes the routes; at most one without resource URLs, no resource URL listed by two routes
	 * @throws IllegalArgumentException when the routes are ambiguous
	 */
	public OAuthClientExchangeFilterFunction(List<TokenRoute> routes) {
		this.routes = List.copyOf(routes);
		this.router = new TokenRouter(this.routes);
		for (TokenRoute route : this.routes) {
			this.tokens.put(route, new ReactiveTokenProvider(route.tokenProvider()));
		}
	}

	/** The routes, in the order given. */
	public List<TokenRoute> routes() {
		return this.routes;
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		URI uri = request.url();
		TokenRoute route = this.router.route(uri);
		if (route == null) {
			return next.exchange(request);
		}
		try {
			route.checkTransport(uri);
		}
		catch (InsecureResourceTransportException ex) {
			return Mono.error(ex);
		}
		if (route.placement() == TokenPlacement.BODY) {
			return Mono.error(bodyPlacementRefused(route, request));
		}
		ReactiveTokenProvider provider = this.tokens.get(route);
		return provider.token()
			.flatMap((token) -> send(route, request, token, next).flatMap((response) -> {
				if (response.statusCode().value() != UNAUTHORIZED) {
					return Mono.just(response);
				}
				return response.releaseBody().then(Mono.defer(() -> {
					if (logger.isDebugEnabled()) {
						logger.debug("Resource " + uri.getHost() + " rejected the token of OAuth client registration '"
								+ route.registrationId() + "' with 401; fetching a fresh token and retrying once");
					}
					provider.invalidate(token);
					return provider.token();
				})).flatMap((fresh) -> send(route, request, fresh, next));
			}));
	}

	private static Mono<ClientResponse> send(TokenRoute route, ClientRequest request, OAuth2Token token,
			ExchangeFunction next) {
		ClientRequest.Builder authorized = ClientRequest.from(request);
		if (route.placement() == TokenPlacement.QUERY) {
			authorized.url(route.uriWithAccessToken(request.url(), token));
		}
		else {
			String header = route.authorizationHeader(token);
			authorized.headers((headers) -> headers.set(HttpHeaders.AUTHORIZATION, header));
		}
		return next.exchange(authorized.build());
	}

	private static IllegalStateException bodyPlacementRefused(TokenRoute route, ClientRequest request) {
		return new IllegalStateException("OAuth client registration '" + route.registrationId()
				+ "' uses token-placement body, which WebClient requests cannot carry (the body is written after the "
				+ "filters ran), so the " + request.method().name() + " request to " + request.url().getHost()
				+ " was not sent. Use token-placement auth_header (or query) for this API, or call it with a "
				+ "RestClient.");
	}

	@Override
	public String toString() {
		return "OAuthClientExchangeFilterFunction" + this.routes;
	}

}
