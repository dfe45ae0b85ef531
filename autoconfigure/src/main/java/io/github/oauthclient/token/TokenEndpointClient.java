package io.github.oauthclient.token;

import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import io.github.oauthclient.core.BackendApplicationClient;
import io.github.oauthclient.core.InsecureTransportException;
import io.github.oauthclient.core.MalformedTokenResponseException;
import io.github.oauthclient.core.MissingTokenException;
import io.github.oauthclient.core.OAuth2Exception;
import io.github.oauthclient.core.OAuth2Token;
import io.github.oauthclient.core.ScopeChangedException;
import io.github.oauthclient.core.TokenRequest;

/**
 * One client-credentials exchange with the token endpoint per {@link #token()} call: the request is built by the
 * oauthlib-faithful {@link BackendApplicationClient} ({@code prepareTokenRequest}), authenticated as the
 * {@link ClientAuthenticationMethod} says, sent with Spring's {@link RestClient}, and the answer is parsed by
 * {@code parseRequestBodyResponse} whatever its status, so that every error body becomes the typed exception.
 *
 * <p>Exists as the bottom of the provider chain (wrap it in {@link RetryingTokenProvider} and
 * {@link CachingTokenProvider}); it holds no state besides a discovered token URI. What it takes care of:
 * <ul>
 * <li>Failures become a {@link TokenAcquisitionException} naming the registration, token URI, HTTP status and the
 * server's {@code error} and {@code error_description}, marked retryable for 5xx, 429, 408 and I/O errors, with the
 * server's {@code Retry-After}. Never the secret: the body is never logged or quoted (Spring's
 * {@code DefaultRestClient} logs bodies it converts at DEBUG, so the form is written as raw bytes it cannot see).</li>
 * <li>Garbage (HTML error pages, truncated JSON, a 200 with an {@code error} field, a missing or empty
 * {@code access_token}, {@code expires_in} that is not an integer, negative or more than a year) is refused with a
 * clear message. Bodies larger than {@link TokenEndpointSettings#maxResponseBytes()} are not read whole.</li>
 * <li>Credentials go only over TLS or to loopback hosts unless insecure transport is allowed; redirects are not
 * followed (the JDK client would forward the {@code Authorization} header to another origin).</li>
 * <li>A scope change is an error unless the {@code BackendApplicationClient} relaxes token scope; then it is logged
 * once, at WARN.</li>
 * </ul>
 */
public final class TokenEndpointClient implements TokenProvider {

	private static final Log logger = LogFactory.getLog(TokenEndpointClient.class);

	/** Larger {@code expires_in} values are taken for garbage. */
	static final long MAX_EXPIRES_IN_SECONDS = Duration.ofDays(366).toSeconds();

	private final BackendApplicationClient client;

	private final TokenEndpointSettings settings;

	private final ClientAuthentication authentication;

	private final RestClient restClient;

	private final Supplier<String> tokenUri;

	private final Clock clock;

	private final AtomicBoolean scopeChangeLogged = new AtomicBoolean();

	/**
	 * A client using the JDK {@link HttpClient} with the settings' connect and read timeouts.
	 *
	 * @param client the oauthlib port that builds bodies and parses responses (its insecure-transport and
	 * relax-token-scope options apply)
	 * @param settings the registration
	 */
	public TokenEndpointClient(BackendApplicationClient client, TokenEndpointSettings settings) {
		this(client, settings, defaultRequestFactory(settings));
	}

	/**
	 * A client sending through {@code requestFactory}: the application's HTTP client settings (SSL bundle, proxy,
	 * its own timeouts; build it with {@link TokenEndpointSettings#connectTimeout()} and
	 * {@link TokenEndpointSettings#readTimeout()}). It must not follow redirects.
	 */
	public TokenEndpointClient(BackendApplicationClient client, TokenEndpointSettings settings,
			ClientHttpRequestFactory requestFactory) {
		this.client = Objects.requireNonNull(client, "client");
		this.settings = Objects.requireNonNull(settings, "settings");
		this.authentication = ClientAuthentication.of(settings);
		this.restClient = RestClient.builder().requestFactory(requestFactory).build();
		this.clock = Clock.systemUTC();
		if (settings.tokenUri() != null) {
			String fixed = settings.tokenUri();
			this.tokenUri = () -> fixed;
		}
		else {
			this.tokenUri = new IssuerDiscovery(this.restClient, settings)::tokenEndpoint;
		}
	}

	/**
	 * The request factory used when none is given: the JDK {@link HttpClient} over HTTP/1.1, never following
	 * redirects, with the settings' connect and read timeouts.
	 */
	public static ClientHttpRequestFactory defaultRequestFactory(TokenEndpointSettings settings) {
		HttpClient httpClient = HttpClient.newBuilder()
				.connectTimeout(settings.connectTimeout())
				.followRedirects(HttpClient.Redirect.NEVER)
				.version(HttpClient.Version.HTTP_1_1)
				.build();
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(httpClient);
		factory.setReadTimeout(settings.readTimeout());
		return factory;
	}

	/** The registration this client fetches tokens for. */
	public TokenEndpointSettings settings() {
		return settings;
	}

	@Override
	public OAuth2Token token() {
		String uri = tokenUri.get();
		BoundedResponse response = send(uri);
		DpopProofs dpop = settings.dpopProofs();
		if (dpop != null) {
			String nonce = response.headers().getFirst(DpopProofs.NONCE_HEADER);
			dpop.nonce(URI.create(uri), nonce);
			if (nonce != null && response.status() == 400 && response.body() != null
					&& response.body().contains(DpopProofs.USE_DPOP_NONCE)) {
				// RFC 9449 section 8: the server wants its nonce in the proof; a new request (and assertion) once
				response = send(uri);
			}
		}
		return interpret(uri, response);
	}

	/** Prepares, authenticates and sends one token request (with a fresh DPoP proof when DPoP is on). */
	private BoundedResponse send(String uri) {
		TokenRequest request = prepare(uri);
		byte[] body = request.body().getBytes(StandardCharsets.UTF_8);
		DpopProofs dpop = settings.dpopProofs();
		long started = System.nanoTime();
		BoundedResponse response;
		try {
			response = restClient.post()
					.uri(URI.create(request.url()))
					.headers(headers -> {
						request.headers().forEach(headers::set);
						authentication.addHeaders(headers);
						if (dpop != null) {
							headers.set(DpopProofs.DPOP_HEADER, dpop.proof("POST", URI.create(request.url()), null));
						}
						headers.setAccept(List.of(MediaType.APPLICATION_JSON));
						headers.setContentLength(body.length);
					})
					// raw bytes: DefaultRestClient logs the bodies it converts, and this one holds the secret
					.body(out -> out.write(body))
					.exchange((clientRequest, raw) -> BoundedResponse.read(raw, settings.maxResponseBytes()), true);
		}
		catch (RestClientException ex) {
			Throwable cause = ex.getMostSpecificCause();
			boolean timeout = cause instanceof HttpTimeoutException || cause instanceof SocketTimeoutException;
			throw failure(uri).reason((timeout ? "timed out" : "I/O error") + " (" + cause + ")")
					.hint(timeout ? "The connect timeout is " + settings.connectTimeout().toMillis()
							+ " ms and the read timeout " + settings.readTimeout().toMillis() + " ms ("
							+ settings.property("connect-timeout") + ", " + settings.property("read-timeout") + ")"
							: null)
					.retryable(ex instanceof ResourceAccessException).cause(ex).build();
		}
		if (logger.isDebugEnabled()) {
			logger.debug("Token request of registration '" + settings.registrationId() + "' to " + uri + ": HTTP "
					+ response.status() + " (" + response.describe() + ") in "
					+ TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) + " ms");
		}
		return response;
	}

	@Override
	public String toString() {
		return "TokenEndpointClient[" + settings + ", " + authentication + "]";
	}

	private TokenRequest prepare(String uri) {
		Map<String, Object> extras = new LinkedHashMap<>();
		authentication.addBodyParameters(uri, extras);
		extras.putAll(settings.extraParameters());
		try {
			return client.prepareTokenRequest(uri, settings.scope(), authentication.includeClientIdInBody(), extras);
		}
		catch (InsecureTransportException ex) {
			throw failure(uri).reason("the BackendApplicationClient refuses a token URI that is not https")
					.hint("Use https, or set " + settings.property("insecure-transport") + "=true")
					.build();
		}
	}

	private OAuth2Token interpret(String uri, BoundedResponse response) {
		int status = response.status();
		boolean retryableStatus = status >= 500 || status == 429 || status == 408;
		TokenAcquisitionException.Builder failure = failure(uri).httpStatus(status).retryable(retryableStatus)
				.retryAfter(RetryAfter.parse(response.headers().getFirst(HttpHeaders.RETRY_AFTER), clock));
		if (response.tooLarge()) {
			throw failure.reason("the response is larger than " + settings.maxResponseBytes() + " bytes ("
					+ response.describe() + ")").build();
		}
		if (status >= 300 && status < 400) {
			throw failure.reason("the token endpoint redirects to " + response.headers().getFirst(HttpHeaders.LOCATION)
					+ "; redirects are not followed with credentials")
					.hint("Set " + settings.property("token-uri") + " to the final URI").build();
		}
		OAuth2Token token;
		try {
			token = client.parseRequestBodyResponse(response.body(), settings.scope());
		}
		catch (ScopeChangedException ex) {
			throw failure.reason("the server granted the scopes " + ex.newScopes() + " but " + ex.oldScopes()
					+ " were requested")
					.hint("Request scopes the client is allowed (" + settings.property("scope") + "), or set "
							+ settings.property("relax-token-scope") + "=true to accept what the server grants")
					.build();
		}
		catch (MissingTokenException | MalformedTokenResponseException ex) {
			String reason = response.isSuccessful()
					? "the response is not a usable token response (" + response.describe() + "): "
							+ scrub(ex.description())
					: "the response is not an OAuth 2.0 error response (" + response.describe() + ")";
			throw failure.reason(reason).hint(hintFor(null, status)).build();
		}
		catch (OAuth2Exception ex) {
			String description = scrub(ex.description());
			throw failure.error(ex.error(), description).hint(hintFor(ex.error(), status))
					.cause(Objects.equals(description, ex.description()) ? ex : null).build();
		}
		if (!response.isSuccessful()) {
			throw failure.reason("the response has an error status but no OAuth 2.0 error ("
					+ response.describe() + ")").build();
		}
		requireUsable(token, failure);
		logScopeChange(token);
		return token;
	}

	private void requireUsable(OAuth2Token token, TokenAcquisitionException.Builder failure) {
		if (token.accessToken() == null || token.accessToken().isEmpty()) {
			throw failure.reason("the response has an empty access_token").build();
		}
		Long expiresIn = token.expiresIn();
		if (expiresIn == null && token.get("expires_in") != null) {
			throw failure.reason("expires_in is not an integer").build();
		}
		if (expiresIn != null && expiresIn < 0) {
			throw failure.reason("expires_in is negative (" + expiresIn + ")").build();
		}
		if (expiresIn != null && expiresIn > MAX_EXPIRES_IN_SECONDS) {
			throw failure.reason("expires_in is absurdly large (" + expiresIn + " s is more than a year)").build();
		}
	}

	private void logScopeChange(OAuth2Token token) {
		if (token.scopeChanged() && scopeChangeLogged.compareAndSet(false, true)) {
			logger.warn("Registration '" + settings.registrationId() + "': the authorization server granted the scopes "
					+ token.scopes() + " but " + token.oldScopes() + " were requested; accepted because token scope is"
					+ " relaxed (" + settings.property("relax-token-scope") + "). Logged once.");
		}
	}

	private String hintFor(String error, int status) {
		if ("invalid_client".equals(error) || "unauthorized_client".equals(error) || status == 401) {
			String credentials = (settings.authenticationMethod() == ClientAuthenticationMethod.PRIVATE_KEY_JWT)
					? settings.property("jwt-assertion") + ".* (key, algorithm, key-id, audience)"
					: settings.property("client-secret");
			return "Check " + settings.property("client-id") + ", " + credentials + " and "
					+ settings.property("authentication-method") + " (now "
					+ settings.authenticationMethod().value() + ")";
		}
		if ("invalid_scope".equals(error)) {
			return "Check " + settings.property("scope");
		}
		if ("unsupported_grant_type".equals(error)) {
			return "Allow the client_credentials grant for this client at the authorization server";
		}
		return null;
	}

	/** The server's text without the client secret, should a server ever echo it. */
	private String scrub(String text) {
		String secret = settings.clientSecret();
		return (text == null || secret == null || secret.isEmpty()) ? text : text.replace(secret, "******");
	}

	private TokenAcquisitionException.Builder failure(String uri) {
		return TokenAcquisitionException.builder(settings.registrationId(), uri);
	}
}
