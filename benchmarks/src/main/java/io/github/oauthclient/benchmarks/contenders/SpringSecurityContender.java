package io.github.oauthclient.benchmarks.contenders;

import java.net.URI;

import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * What a user would write instead of adding our starter: Spring Security 7's
 * {@link OAuth2ClientHttpRequestInterceptor} over an {@link AuthorizedClientServiceOAuth2AuthorizedClientManager}
 * (the manager Spring Security documents for service-to-service calls outside a servlet request), a
 * client-credentials {@link ClientRegistration} and an {@link InMemoryOAuth2AuthorizedClientService}, all with
 * their defaults (client-credentials provider with its 60 s clock skew, {@code client_secret_basic}). The
 * registration id is resolved by a constant resolver, the cheapest choice, so the comparison favours Spring
 * Security; the principal comes from its default resolver (none in the security context, hence anonymous).
 */
public final class SpringSecurityContender implements Contender {

	/** The registration id every request is authorized for. */
	public static final String REGISTRATION_ID = "bench";

	private final OAuth2ClientHttpRequestInterceptor interceptor;

	/** @param tokenUri the token endpoint, e.g. {@code TokenEndpointServer#tokenUri()} */
	public SpringSecurityContender(URI tokenUri) {
		ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION_ID)
			.clientId(Credentials.CLIENT_ID)
			.clientSecret(Credentials.CLIENT_SECRET)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.scope(Credentials.SCOPE)
			.tokenUri(tokenUri.toString())
			.build();
		InMemoryClientRegistrationRepository registrations = new InMemoryClientRegistrationRepository(registration);
		InMemoryOAuth2AuthorizedClientService authorizedClients = new InMemoryOAuth2AuthorizedClientService(
				registrations);
		AuthorizedClientServiceOAuth2AuthorizedClientManager manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(
				registrations, authorizedClients);
		manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder().clientCredentials().build());
		this.interceptor = new OAuth2ClientHttpRequestInterceptor(manager);
		this.interceptor.setClientRegistrationIdResolver((request) -> REGISTRATION_ID);
		// evict the token on 401/403, as the reference documentation recommends (our interceptor does the same)
		this.interceptor.setAuthorizationFailureHandler(
				OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(authorizedClients));
	}

	@Override
	public String name() {
		return "springSecurity";
	}

	@Override
	public ClientHttpRequestInterceptor interceptor() {
		return this.interceptor;
	}

}
