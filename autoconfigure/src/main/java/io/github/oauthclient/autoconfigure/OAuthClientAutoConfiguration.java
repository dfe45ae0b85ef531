package io.github.oauthclient.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.web.client.RestClient;

import io.github.oauthclient.core.BackendApplicationClient;
import io.github.oauthclient.http.OAuthClientHttpRequestInterceptor;
import io.github.oauthclient.http.TokenRoute;
import io.github.oauthclient.token.TokenProvider;
import io.github.oauthclient.token.TokenRequestObserver;
import io.github.oauthclient.token.store.SharedTokenCache;

/**
 * Auto-configuration of client-credentials token acquisition from {@code oauth.client.*}: the
 * {@link BackendApplicationClient} and {@link TokenProvider} of the default registration and the
 * {@link OAuthClientRegistry} of all registrations.
 *
 * <p>Active when some {@code oauth.client.*} key is set and {@code oauth.client.enabled} is not {@code false}; an
 * application that merely has the starter on its class path starts untouched. Each bean backs off when the
 * application defines its own; the registry then uses the application's client and token provider for the default
 * registration. Configuration mistakes fail the start-up with an {@link InvalidOAuthClientPropertyException}.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration",
		"org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration",
		"org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration" })
@ConditionalOnClass({ RestClient.class, ClientHttpRequestFactoryBuilder.class })
@ConditionalOnBooleanProperty(name = OAuthClientProperties.PREFIX + ".enabled", matchIfMissing = true)
@Conditional(OAuthClientConfiguredCondition.class)
@EnableConfigurationProperties(OAuthClientProperties.class)
public final class OAuthClientAutoConfiguration {

	private final OAuthClientProperties properties;

	private final DpopKeys dpopKeys = new DpopKeys();

	private final ObjectProvider<TokenRequestObserver> requestObserver;

	private final ObjectProvider<SharedTokenCache> sharedTokenCache;

	OAuthClientAutoConfiguration(OAuthClientProperties properties,
			ObjectProvider<TokenRequestObserver> requestObserver, ObjectProvider<SharedTokenCache> sharedTokenCache) {
		this.properties = properties;
		this.requestObserver = requestObserver;
		this.sharedTokenCache = sharedTokenCache;
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnProperty(prefix = OAuthClientProperties.PREFIX, name = "client-id")
	BackendApplicationClient oauthClientBackendApplicationClient() {
		return RegistrationAssembler.client(RegistrationResolver.resolveDefault(this.properties));
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnProperty(prefix = OAuthClientProperties.PREFIX, name = "client-id")
	TokenProvider oauthClientTokenProvider(BackendApplicationClient oauthClientBackendApplicationClient,
			ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilder,
			ObjectProvider<HttpClientSettings> httpClientSettings, ObjectProvider<SslBundles> sslBundles) {
		return assembler(requestFactoryBuilder, httpClientSettings, sslBundles)
			.observedBy(this.requestObserver.getIfUnique())
			.dpopKeys(this.dpopKeys)
			.tokenProvider(RegistrationResolver.resolveDefault(this.properties), oauthClientBackendApplicationClient);
	}

	@Bean
	@ConditionalOnMissingBean
	OAuthClientRegistry oauthClientRegistry(ObjectProvider<BackendApplicationClient> defaultClient,
			ObjectProvider<TokenProvider> defaultTokenProvider,
			ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilder,
			ObjectProvider<HttpClientSettings> httpClientSettings, ObjectProvider<SslBundles> sslBundles) {
		RegistrationAssembler assembler = assembler(requestFactoryBuilder, httpClientSettings, sslBundles)
			.observedBy(this.requestObserver.getIfUnique())
			.dpopKeys(this.dpopKeys);
		List<OAuthClientRegistration> registrations = new ArrayList<>();
		for (ResolvedRegistration resolved : RegistrationResolver.resolveAll(this.properties)) {
			boolean isDefault = resolved.name().equals(RegistrationResolver.DEFAULT_REGISTRATION);
			RegistrationStartupLog.log(resolved);
			BackendApplicationClient client = isDefault
					? defaultClient.getIfUnique(() -> RegistrationAssembler.client(resolved))
					: RegistrationAssembler.client(resolved);
			TokenProvider tokenProvider = isDefault
					? defaultTokenProvider.getIfUnique(() -> assembler.tokenProvider(resolved, client))
					: assembler.tokenProvider(resolved, client);
			TokenRoute route = RegistrationAssembler.route(resolved, tokenProvider, this.dpopKeys.of(resolved));
			registrations.add(new OAuthClientRegistration(resolved.name(), client, tokenProvider, route,
					new OAuthClientHttpRequestInterceptor(List.of(route))));
		}
		return new OAuthClientRegistry(registrations);
	}

	private RegistrationAssembler assembler(
			ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilder,
			ObjectProvider<HttpClientSettings> httpClientSettings, ObjectProvider<SslBundles> sslBundles) {
		return new RegistrationAssembler(requestFactoryBuilder.getIfAvailable(ClientHttpRequestFactoryBuilder::detect),
				httpClientSettings.getIfAvailable(HttpClientSettings::defaults), sslBundles.getIfAvailable(),
				this.sharedTokenCache.getIfUnique());
	}

}
