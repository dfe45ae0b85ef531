package io.github.oauthclient.token;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Finds the token endpoint of an issuer from its metadata, on first use, and remembers it.
 *
 * <p>Exists so that users can configure just {@code issuer-uri}, as with Spring Security, and so that an
 * authorization server that is down at start-up does not keep the application from starting: nothing is fetched
 * until the first token is needed. It tries RFC 8414's {@code /.well-known/oauth-authorization-server} (inserted
 * before the issuer's path), then OpenID Connect's {@code /.well-known/openid-configuration} (appended to it). The
 * metadata must name the same issuer (RFC 8414 section 3.3; a trailing slash is ignored) and a token endpoint that
 * satisfies the {@link TransportSecurity transport rule}. A failed discovery is not remembered: the next call tries
 * again.
 */
public final class IssuerDiscovery {

	private static final Log logger = LogFactory.getLog(IssuerDiscovery.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final RestClient restClient;

	private final TokenEndpointSettings settings;

	private volatile String tokenEndpoint;

	/**
	 * Discovers the token endpoint of {@code settings.issuerUri()} with {@code restClient}.
	 *
	 * @param restClient the client for the metadata requests (no credentials are sent)
	 * @param settings the registration, whose {@link TokenEndpointSettings#issuerUri() issuer URI} is set
	 */
	public IssuerDiscovery(RestClient restClient, TokenEndpointSettings settings) {
		if (settings.issuerUri() == null) {
			throw new IllegalArgumentException(settings.property("issuer-uri") + " is required for discovery");
		}
		this.restClient = restClient;
		this.settings = settings;
	}

	/** The metadata URIs tried, in order: RFC 8414 first, then OpenID Connect Discovery. */
	public static List<String> metadataUris(String issuerUri) {
		UriComponents issuer = UriComponentsBuilder.fromUriString(issuerUri).build();
		String path = (issuer.getPath() != null) ? issuer.getPath() : "";
		if (path.endsWith("/")) {
			path = path.substring(0, path.length() - 1);
		}
		return List.of(
				UriComponentsBuilder.fromUriString(issuerUri).replacePath("/.well-known/oauth-authorization-server"
						+ path).build().toUriString(),
				UriComponentsBuilder.fromUriString(issuerUri).replacePath(path + "/.well-known/openid-configuration")
						.build().toUriString());
	}

	/**
	 * The token endpoint, fetched on the first call.
	 *
	 * @throws TokenAcquisitionException when no metadata document could be read or it is unusable (retryable when
	 * a server error or I/O error was among the causes)
	 */
	public String tokenEndpoint() {
		String known = tokenEndpoint;
		if (known != null) {
			return known;
		}
		String discovered = discover();
		tokenEndpoint = discovered;
		return discovered;
	}

	private String discover() {
		String issuer = settings.issuerUri();
		List<String> problems = new ArrayList<>();
		boolean retryable = false;
		Exception lastCause = null;
		for (String metadataUri : metadataUris(issuer)) {
			BoundedResponse response;
			try {
				response = restClient.get().uri(URI.create(metadataUri)).accept(MediaType.APPLICATION_JSON)
						.exchange((request, raw) -> BoundedResponse.read(raw, settings.maxResponseBytes()), true);
			}
			catch (RestClientException ex) {
				problems.add(metadataUri + ": I/O error (" + ex.getMessage() + ")");
				retryable = true;
				lastCause = ex;
				continue;
			}
			if (!response.isSuccessful() || response.tooLarge()) {
				problems.add(metadataUri + ": HTTP " + response.status() + " (" + response.describe() + ")");
				retryable |= response.status() >= 500 || response.status() == 429 || response.status() == 408;
				continue;
			}
			JsonNode metadata;
			try {
				metadata = JSON.readTree(response.body());
			}
			catch (JacksonException ex) {
				problems.add(metadataUri + ": not JSON (" + response.describe() + ")");
				continue;
			}
			String endpoint = tokenEndpoint(metadata);
			String reportedIssuer = textField(metadata, "issuer");
			if (endpoint == null) {
				problems.add(metadataUri + ": no token_endpoint in the metadata");
				continue;
			}
			if (!sameIssuer(issuer, reportedIssuer)) {
				throw failure(issuer).reason("the metadata at " + metadataUri + " names the issuer '" + reportedIssuer
						+ "', not the configured one (RFC 8414 section 3.3)")
						.hint("Set " + settings.property("issuer-uri") + " to exactly the issuer the server reports")
						.build();
			}
			requireAllowedEndpoint(issuer, endpoint);
			requireAdvertisedMethod(issuer, metadataUri, metadata);
			if (logger.isDebugEnabled()) {
				logger.debug("Registration '" + settings.registrationId() + "': discovered token endpoint " + endpoint
						+ " from " + metadataUri);
			}
			return endpoint;
		}
		throw failure(issuer).reason("could not discover the token endpoint: " + String.join("; ", problems))
				.retryable(retryable).cause(lastCause)
				.hint("Check " + settings.property("issuer-uri") + ", or set " + settings.property("token-uri")
						+ " directly")
				.build();
	}

	private void requireAllowedEndpoint(String issuer, String endpoint) {
		URI uri;
		try {
			uri = new URI(endpoint);
		}
		catch (java.net.URISyntaxException ex) {
			throw failure(issuer).reason("the discovered token_endpoint is not a valid URI").build();
		}
		if (!uri.isAbsolute() || uri.getHost() == null) {
			throw failure(issuer).reason("the discovered token_endpoint '" + endpoint + "' is not an absolute URI")
					.build();
		}
		if (!TransportSecurity.isAllowed(uri, settings.insecureTransport())) {
			throw failure(issuer).reason("the discovered token_endpoint '" + endpoint
					+ "' uses plain http to a host that is not loopback; the client secret would travel unencrypted")
					.hint("Use an https issuer, or set " + settings.property("insecure-transport")
							+ "=true if you really mean it")
					.build();
		}
	}

	/**
	 * Refuses a server whose metadata lists {@code token_endpoint_auth_methods_supported} without the configured
	 * method, for the methods beyond the classic secret ones (a server that omits the list is not judged).
	 */
	private void requireAdvertisedMethod(String issuer, String metadataUri, JsonNode metadata) {
		ClientAuthenticationMethod method = settings.authenticationMethod();
		JsonNode supported = metadata.get("token_endpoint_auth_methods_supported");
		if (!(method.usesClientAssertion() || method.usesClientCertificate()) || supported == null
				|| !supported.isArray()) {
			return;
		}
		List<String> methods = new ArrayList<>();
		supported.forEach((value) -> methods.add(value.asString()));
		if (!methods.contains(method.value())) {
			throw failure(issuer).reason("the server does not support " + method.value() + ": the metadata at "
					+ metadataUri + " lists token_endpoint_auth_methods_supported " + methods)
					.hint("Set " + settings.property("authentication-method") + " to one of " + methods
							+ " that the client is registered for")
					.build();
		}
	}

	private TokenAcquisitionException.Builder failure(String issuer) {
		return TokenAcquisitionException.builder(settings.registrationId(), issuer);
	}

	/**
	 * The token endpoint, or for a client authenticating with its TLS certificate the {@code token_endpoint} of the
	 * metadata's {@code mtls_endpoint_aliases} if there is one (RFC 8705 section 5).
	 */
	private String tokenEndpoint(JsonNode metadata) {
		if (settings.authenticationMethod().usesClientCertificate()) {
			String alias = textField(metadata.get("mtls_endpoint_aliases"), "token_endpoint");
			if (alias != null) {
				return alias;
			}
		}
		return textField(metadata, "token_endpoint");
	}

	private static String textField(JsonNode node, String name) {
		JsonNode value = (node != null) ? node.get(name) : null;
		return (value != null && value.isString()) ? value.asString() : null;
	}

	private static boolean sameIssuer(String configured, String reported) {
		return reported != null && stripSlash(configured).equals(stripSlash(reported));
	}

	private static String stripSlash(String uri) {
		return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
	}

	@Override
	public String toString() {
		return "IssuerDiscovery[issuer=" + settings.issuerUri() + ", tokenEndpoint=" + tokenEndpoint + "]";
	}
}
