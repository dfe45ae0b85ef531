package io.github.oauthclient.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.oauthclient.core.TokenPlacement;
import io.github.oauthclient.http.ResourceUrl;
import io.github.oauthclient.token.ClientAuthenticationMethod;

/**
 * One registration after inheritance from {@code oauth.client} and defaults are applied, validated: what the
 * auto-configuration builds a client, a token provider and a route from. {@link #toString()} masks the secret.
 *
 * @param name the registration name ({@value RegistrationResolver#DEFAULT_REGISTRATION} for the root)
 * @param propertyPrefix where its keys live, for messages ({@code oauth.client} or
 * {@code oauth.client.registrations.<name>})
 * @param tokenUri the token endpoint, or {@code null} when it is discovered from {@code issuerUri}
 * @param issuerUri the issuer to discover the token endpoint from, or {@code null}
 * @param clientId the client id
 * @param clientSecret the secret, or {@code null} (authentication method none)
 * @param authenticationMethod how the client authenticates
 * @param includeClientId oauthlib's include_client_id
 * @param scope the scopes to request, possibly empty
 * @param extraParameters extra token request parameters in configuration order, without empty values
 * @param tokenPlacement where the token goes on resource requests
 * @param resourceUrls where the token may go; empty means every request (only allowed for a single registration)
 * @param renewBeforeExpiry how long before expiry the token is renewed
 * @param defaultTokenLifetime lifetime assumed when the response has no expires_in
 * @param sslBundle the SSL bundle for token requests, or {@code null}
 * @param connectTimeout connect timeout of token requests
 * @param readTimeout read timeout of token requests
 * @param retryMaxAttempts attempts per token request, the first included
 * @param retryBackoff wait before the first retry
 * @param insecureTransport the user's insecure-transport setting
 * @param relaxTokenScope accept other scopes than requested (with one warning)
 * @param strictTokenType reject responses without token_type
 * @param jwtAssertion the {@code jwt-assertion.*} keys (used by private_key_jwt and client_secret_jwt)
 * @param dpop whether tokens are DPoP-bound (RFC 9449)
 */
public record ResolvedRegistration(String name, String propertyPrefix, String tokenUri, String issuerUri,
		String clientId, String clientSecret, ClientAuthenticationMethod authenticationMethod, boolean includeClientId, List<String> scope,
		Map<String, String> extraParameters, TokenPlacement tokenPlacement, List<ResourceUrl> resourceUrls,
		Duration renewBeforeExpiry, Duration defaultTokenLifetime, String sslBundle, Duration connectTimeout, Duration readTimeout,
		int retryMaxAttempts, Duration retryBackoff, boolean insecureTransport, boolean relaxTokenScope,
		boolean strictTokenType, JwtAssertionSettings jwtAssertion, boolean dpop) {

	/** The full name of one of this registration's properties, for messages: {@code prefix + "." + key}. */
	public String property(String key) {
		return this.propertyPrefix + "." + key;
	}

	@Override
	public String toString() {
		return "ResolvedRegistration[name=" + this.name + ", tokenUri=" + this.tokenUri + ", issuerUri="
				+ this.issuerUri + ", clientId=" + this.clientId + ", clientSecret="
				+ ((this.clientSecret != null) ? "******" : null) + ", authenticationMethod="
				+ this.authenticationMethod.value() + ", scope=" + this.scope + ", tokenPlacement=" + this.tokenPlacement.value()
				+ ", resourceUrls=" + this.resourceUrls + "]";
	}

}
