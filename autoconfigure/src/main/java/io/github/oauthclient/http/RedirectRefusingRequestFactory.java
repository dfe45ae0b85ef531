package io.github.oauthclient.http;

import java.io.IOException;
import java.net.URI;
import java.util.Objects;

import org.springframework.http.HttpMethod;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;

/**
 * A request factory that sends every request a {@link TokenRoute} serves (so one that carries an access token)
 * through a client that never follows redirects, and every other request through the application's client.
 *
 * <p>Exists because the HTTP client, not the interceptor, follows redirects, and the JDK {@code HttpClient} (Boot's
 * default when no other client library is present) re-sends the {@code Authorization} header, and a 307/308 re-sends
 * a form body with {@code access_token}, to whatever origin a {@code Location} names. Stripping headers per hop is
 * impossible from outside the JDK client, so tokens simply never ride a redirect: a resource that redirects a
 * token-bearing request hands its 3xx to the caller, who may follow it knowingly. Requests no route serves keep the
 * application's redirect setting.
 */
public final class RedirectRefusingRequestFactory implements ClientHttpRequestFactory {

	private final TokenRouter router;

	private final ClientHttpRequestFactory withoutRedirects;

	private final ClientHttpRequestFactory application;

	/**
	 * Creates a factory.
	 *
	 * @param interceptor the interceptor whose routes decide which requests carry a token
	 * @param withoutRedirects a factory whose client never follows redirects, for those
	 * @param application the application's factory, for all other requests
	 */
	public RedirectRefusingRequestFactory(OAuthClientHttpRequestInterceptor interceptor,
			ClientHttpRequestFactory withoutRedirects, ClientHttpRequestFactory application) {
		this.router = new TokenRouter(interceptor.routes());
		this.withoutRedirects = Objects.requireNonNull(withoutRedirects, "withoutRedirects");
		this.application = Objects.requireNonNull(application, "application");
	}

	@Override
	public ClientHttpRequest createRequest(URI uri, HttpMethod httpMethod) throws IOException {
		return ((router.route(uri) != null) ? withoutRedirects : application).createRequest(uri, httpMethod);
	}

	@Override
	public String toString() {
		return "RedirectRefusingRequestFactory[withoutRedirects=" + withoutRedirects + ", application=" + application
				+ "]";
	}
}
