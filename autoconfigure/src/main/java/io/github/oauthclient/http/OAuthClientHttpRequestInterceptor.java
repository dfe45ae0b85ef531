package io.github.oauthclient.http;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

import io.github.oauthclient.core.OAuth2Token;
import io.github.oauthclient.token.TokenProvider;

/**
 * Attaches client-credentials access tokens to outgoing requests of a RestTemplate or RestClient.
 *
 * <p>For each request it picks the {@link TokenRoute} whose resource URL is the longest prefix of the request URL (a
 * route without resource URLs serves every request) and attaches that route's token with its placement. A request no
 * route serves goes out unchanged. A token never goes over plain http to a host that is not loopback unless the
 * route allows insecure transport: such a request fails with an {@link InsecureResourceTransportException}.
 *
 * <p>If the resource answers 401, the token is invalidated at its provider, a fresh one is fetched and the request is
 * sent once more, with the same body; a second 401 is returned to the caller as is.
 *
 * <p>Hot path (cached token, header placement): route lookup over a pre-sorted array of parsed prefixes, the
 * provider's lock-free cached token, the header value cached per token identity; no lock, no logging, no allocation
 * beyond what {@code HttpHeaders.set} itself does.
 */
public final class OAuthClientHttpRequestInterceptor implements ClientHttpRequestInterceptor {

	private static final Log logger = LogFactory.getLog(OAuthClientHttpRequestInterceptor.class);

	private static final int UNAUTHORIZED = 401;

	private final TokenRouter router;

	private final List<TokenRoute> routes;

	/**
	 * Creates an interceptor for the given routes.
	 * @param routes the routes; at most one without resource URLs, no resource URL listed by two routes
	 * @throws IllegalArgumentException when the routes are ambiguous
	 */
	public OAuthClientHttpRequestInterceptor(List<TokenRoute> routes) {
		this.routes = List.copyOf(routes);
		this.router = new TokenRouter(this.routes);
	}

	/** The routes, in the order given. */
	public List<TokenRoute> routes() {
		return this.routes;
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		URI uri = request.getURI();
		TokenRoute route = this.router.route(uri);
		if (route == null) {
			return execution.execute(request, body);
		}
		route.checkTransport(uri);
		TokenProvider tokens = route.tokenProvider();
		OAuth2Token token = tokens.token();
		ClientHttpResponse response = route.placer().execute(request, body, token, execution);
		if (response.getStatusCode().value() != UNAUTHORIZED) {
			return response;
		}
		response.close();
		if (logger.isDebugEnabled()) {
			logger.debug("Resource " + uri.getHost() + " rejected the token of OAuth client registration '"
					+ route.registrationId() + "' with 401; fetching a fresh token and retrying once");
		}
		tokens.invalidate(token);
		return route.placer().execute(request, body, tokens.token(), execution);
	}

	@Override
	public String toString() {
		return "OAuthClientHttpRequestInterceptor" + this.routes;
	}

}
