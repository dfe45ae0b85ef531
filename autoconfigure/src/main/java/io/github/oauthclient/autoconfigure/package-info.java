/**
 * Spring Boot auto-configuration of the starter: {@code oauth.client.*} properties
 * ({@link io.github.oauthclient.autoconfigure.OAuthClientProperties}), their inheritance and start-up validation
 * ({@code RegistrationResolver}, reported by a failure analyzer), the beans of each registration
 * ({@link io.github.oauthclient.autoconfigure.OAuthClientRegistry}) and the customizers that add the interceptor to
 * every RestTemplate and RestClient built from Boot's builders.
 *
 * <p>Two auto-configurations, one per concern: {@link io.github.oauthclient.autoconfigure.OAuthClientAutoConfiguration}
 * (clients and token providers) and {@link io.github.oauthclient.autoconfigure.OAuthClientRestClientAutoConfiguration}
 * (interceptor and customizers). Both stay out of the way when no {@code oauth.client.*} key is set.
 */
package io.github.oauthclient.autoconfigure;
