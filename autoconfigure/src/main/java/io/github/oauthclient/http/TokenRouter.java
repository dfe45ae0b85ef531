package io.github.oauthclient.http;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Picks the route of a request: the one whose resource URL is the longest matching prefix, else the route without
 * resource URLs (if any), else none.
 *
 * <p>Prefixes are flattened into an array ordered by path prefix length, longest first, so that the first match is
 * the longest; routing scans it without allocating. Public so that other clients than RestTemplate and RestClient (the
 * WebClient filter) route exactly as the interceptor does.
 */
public final class TokenRouter {

	private final ResourceUrl[] prefixes;

	private final TokenRoute[] owners;

	private final TokenRoute everyRequest;

	/**
	 * Creates a router.
	 * @param routes the routes; at most one without resource URLs, no resource URL listed by two routes
	 * @throws IllegalArgumentException when the routes are ambiguous
	 */
	public TokenRouter(List<TokenRoute> routes) {
		record Entry(ResourceUrl url, TokenRoute route) {
		}
		List<Entry> entries = new ArrayList<>();
		TokenRoute fallback = null;
		for (TokenRoute route : routes) {
			if (route.servesEveryRequest()) {
				if (fallback != null) {
					throw new IllegalArgumentException("Registrations '" + fallback.registrationId() + "' and '"
							+ route.registrationId() + "' both list no resource URLs; at most one may serve every "
							+ "request");
				}
				fallback = route;
			}
			for (ResourceUrl url : route.resourceUrls()) {
				for (Entry entry : entries) {
					if (entry.url().equals(url) && entry.route() != route) {
						throw new IllegalArgumentException("Resource URL " + url + " is listed by registrations '"
								+ entry.route().registrationId() + "' and '" + route.registrationId() + "'");
					}
				}
				entries.add(new Entry(url, route));
			}
		}
		entries.sort(Comparator.comparingInt((Entry entry) -> entry.url().pathPrefix().length()).reversed());
		this.prefixes = entries.stream().map(Entry::url).toArray(ResourceUrl[]::new);
		this.owners = entries.stream().map(Entry::route).toArray(TokenRoute[]::new);
		this.everyRequest = fallback;
	}

	/**
	 * The route for a request.
	 * @param uri the request URI
	 * @return the route, or {@code null} when no registration's token may go to this URI
	 */
	public TokenRoute route(URI uri) {
		ResourceUrl[] prefixes = this.prefixes;
		for (int i = 0; i < prefixes.length; i++) {
			if (prefixes[i].matches(uri)) {
				return this.owners[i];
			}
		}
		return this.everyRequest;
	}

}
