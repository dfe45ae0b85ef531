package io.github.oauthclient.autoconfigure;

import io.github.oauthclient.core.BackendApplicationClient;
import io.github.oauthclient.http.OAuthClientHttpRequestInterceptor;
import io.github.oauthclient.http.TokenRoute;
import io.github.oauthclient.token.TokenProvider;

/**
 * The parts of one configured registration, as {@link OAuthClientRegistry} hands them out.
 *
 * @param name the registration name ({@code default} for the keys at the root of {@code oauth.client})
 * @param client its oauthlib-faithful client
 * @param tokenProvider its cached, renewing token provider
 * @param route where its tokens go and how
 * @param interceptor an interceptor serving this registration alone: its resource URLs, or every request when it has
 * none; for a RestClient or RestTemplate built by hand
 */
public record OAuthClientRegistration(String name, BackendApplicationClient client, TokenProvider tokenProvider,
		TokenRoute route, OAuthClientHttpRequestInterceptor interceptor) {

}
