package io.github.oauthclient.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.restclient.RestTemplateCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

import io.github.oauthclient.http.OAuthClientHttpRequestInterceptor;
import io.github.oauthclient.http.RedirectRefusingRequestFactory;

/**
 * Gives Boot-built RestClient and RestTemplate instances a {@link RedirectRefusingRequestFactory}: requests that
 * carry a token never follow redirects, all others keep {@code spring.http.clients.redirects}. Both factories are
 * built like Boot builds its own, from the application's {@link ClientHttpRequestFactoryBuilder} and
 * {@link HttpClientSettings}, once, and shared.
 *
 * <p>The customizers run first ({@link Ordered#HIGHEST_PRECEDENCE}), so an application customizer that sets its own
 * request factory still wins (and then decides about redirects itself). A RestTemplate whose builder was given
 * another kind of request factory is left alone, with a warning: its redirects are up to that factory. Token-bearing
 * requests use the application-wide {@code spring.http.clients.*} settings, not per-builder timeouts.
 */
final class RedirectRefusingClients {

	private static final Log logger = LogFactory.getLog(RedirectRefusingClients.class);

	private final OAuthClientHttpRequestInterceptor interceptor;

	private final HttpClientSettings settings;

	private final Supplier<ClientHttpRequestFactory> following;

	private final Supplier<ClientHttpRequestFactory> withoutRedirects;

	private final Supplier<RedirectRefusingRequestFactory> guarded;

	RedirectRefusingClients(OAuthClientHttpRequestInterceptor interceptor,
			ClientHttpRequestFactoryBuilder<?> requestFactoryBuilder, HttpClientSettings settings) {
		this.interceptor = interceptor;
		this.settings = settings;
		this.following = SingletonSupplier.of(() -> requestFactoryBuilder.build(settings));
		this.withoutRedirects = SingletonSupplier
			.of(() -> requestFactoryBuilder.build(settings.withRedirects(HttpRedirects.DONT_FOLLOW)));
		this.guarded = SingletonSupplier.of(() -> new RedirectRefusingRequestFactory(interceptor,
				this.withoutRedirects.get(), this.following.get()));
	}

	/** Whether the application's settings follow redirects at all (Boot's default: when possible). */
	boolean needed() {
		return this.settings.redirects() != HttpRedirects.DONT_FOLLOW;
	}

	RestClientCustomizer restClientCustomizer() {
		return new GuardingRestClientCustomizer();
	}

	RestTemplateCustomizer restTemplateCustomizer() {
		return new GuardingRestTemplateCustomizer();
	}

	private final class GuardingRestClientCustomizer implements RestClientCustomizer, Ordered {

		@Override
		public void customize(RestClient.Builder builder) {
			if (needed()) {
				builder.requestFactory(guarded.get());
			}
		}

		@Override
		public int getOrder() {
			return Ordered.HIGHEST_PRECEDENCE;
		}

	}

	private final class GuardingRestTemplateCustomizer implements RestTemplateCustomizer, Ordered {

		@Override
		public void customize(RestTemplate restTemplate) {
			if (!needed()) {
				return;
			}
			ClientHttpRequestFactory current = rawRequestFactory(restTemplate);
			if (current != null && current.getClass() != following.get().getClass()) {
				if (logger.isWarnEnabled()) {
					logger.warn("A RestTemplate uses its own request factory (" + current.getClass().getName()
							+ "), so whether access tokens of " + interceptor.routes().size() + " OAuth client"
							+ " registration(s) follow redirects to other origins is up to it; configure it not to"
							+ " follow redirects, or set spring.http.clients.redirects=dont-follow");
				}
				return;
			}
			// requests without a token keep the template's own factory (and its builder's timeouts)
			restTemplate.setRequestFactory((current != null) ? new RedirectRefusingRequestFactory(interceptor,
					withoutRedirects.get(), current) : guarded.get());
		}

		/** The template's own factory, not the one wrapping it with interceptors. */
		private ClientHttpRequestFactory rawRequestFactory(RestTemplate restTemplate) {
			List<ClientHttpRequestInterceptor> interceptors = new ArrayList<>(restTemplate.getInterceptors());
			restTemplate.getInterceptors().clear();
			try {
				return restTemplate.getRequestFactory();
			}
			finally {
				// not setInterceptors, which would sort them
				restTemplate.getInterceptors().addAll(interceptors);
			}
		}

		@Override
		public int getOrder() {
			return Ordered.HIGHEST_PRECEDENCE;
		}

	}

}
