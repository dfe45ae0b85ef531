package io.github.oauthclient.autoconfigure;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.github.oauthclient.core.TokenPlacement;
import io.github.oauthclient.http.ResourceUrl;
import io.github.oauthclient.token.ClientAuthenticationMethod;
import io.github.oauthclient.token.RenewalPolicy;
import io.github.oauthclient.token.RetryPolicy;
import io.github.oauthclient.token.TokenEndpointSettings;
import io.github.oauthclient.token.TransportSecurity;

/**
 * Applies the inheritance rules and defaults to {@link OAuthClientProperties} and validates the result, so that
 * every mistake fails the start-up with an {@link InvalidOAuthClientPropertyException} naming the property and the
 * fix, instead of surfacing on the first request.
 *
 * <p>Inheritance: a named registration takes every key it does not set from {@code oauth.client}, with two
 * exceptions that keep credentials and endpoints together: {@code token-uri} and {@code issuer-uri} are inherited as
 * a pair (a registration that sets one of them inherits neither), and {@code client-secret} is inherited only
 * together with {@code client-id}. {@code resource-urls} are not inherited from an {@code oauth.client} that is a
 * registration itself (it has a {@code client-id}): the same URLs cannot route to two registrations.
 * {@code extra-parameters} merge key by key.
 */
final class RegistrationResolver {

	/** The name of the registration formed by the keys at the root of {@code oauth.client}. */
	static final String DEFAULT_REGISTRATION = "default";

	static final ClientAuthenticationMethod DEFAULT_AUTHENTICATION_METHOD =
			ClientAuthenticationMethod.CLIENT_SECRET_BASIC;

	static final TokenPlacement DEFAULT_TOKEN_PLACEMENT = TokenPlacement.AUTH_HEADER;

	static final Duration DEFAULT_RENEW_BEFORE_EXPIRY = RenewalPolicy.defaults().maxRenewalWindow();

	static final Duration DEFAULT_TOKEN_LIFETIME = RenewalPolicy.defaults().defaultLifetime();

	static final Duration DEFAULT_CONNECT_TIMEOUT = TokenEndpointSettings.DEFAULT_CONNECT_TIMEOUT;

	static final Duration DEFAULT_READ_TIMEOUT = TokenEndpointSettings.DEFAULT_READ_TIMEOUT;

	static final int DEFAULT_RETRY_MAX_ATTEMPTS = RetryPolicy.defaults().maxAttempts();

	static final Duration DEFAULT_RETRY_BACKOFF = RetryPolicy.defaults().initialBackoff();

	private static final Log logger = LogFactory.getLog(RegistrationResolver.class);

	private RegistrationResolver() {
	}

	/**
	 * Whether the root of {@code oauth.client} forms the default registration (it sets {@code client-id}).
	 * @param properties the bound properties
	 * @return {@code true} when there is a default registration
	 */
	static boolean hasDefaultRegistration(OAuthClientProperties properties) {
		return hasText(properties.getClientId());
	}

	/**
	 * Resolves and validates the default registration alone.
	 * @param properties the bound properties
	 * @return the default registration
	 * @throws InvalidOAuthClientPropertyException when it is misconfigured
	 */
	static ResolvedRegistration resolveDefault(OAuthClientProperties properties) {
		return resolve(properties, properties, DEFAULT_REGISTRATION, OAuthClientProperties.PREFIX);
	}

	/**
	 * Resolves and validates every enabled registration, including how requests are routed between them.
	 * @param properties the bound properties
	 * @return the registrations, the default one first, then the named ones in configuration order
	 * @throws InvalidOAuthClientPropertyException when any of them is misconfigured
	 */
	static List<ResolvedRegistration> resolveAll(OAuthClientProperties properties) {
		if (properties.getRegistrations().containsKey(DEFAULT_REGISTRATION)) {
			throw new InvalidOAuthClientPropertyException(
					OAuthClientProperties.PREFIX + ".registrations." + DEFAULT_REGISTRATION,
					"uses the reserved name '" + DEFAULT_REGISTRATION + "'",
					"The default registration is configured directly under " + OAuthClientProperties.PREFIX
							+ " (for example " + OAuthClientProperties.PREFIX
							+ ".client-id); move these keys there or rename the registration.");
		}
		List<ResolvedRegistration> resolved = new ArrayList<>();
		if (hasDefaultRegistration(properties)) {
			resolved.add(resolveDefault(properties));
		}
		else if (properties.getRegistrations().isEmpty()) {
			throw missing(OAuthClientProperties.PREFIX + ".client-id", "Set " + OAuthClientProperties.PREFIX
					+ ".client-id to the client id your authorization server issued, or configure named clients under "
					+ OAuthClientProperties.PREFIX + ".registrations.<name>.client-id.");
		}
		properties.getRegistrations().forEach((name, registration) -> {
			if (!Boolean.FALSE.equals(registration.getEnabled())) {
				resolved.add(resolve(properties, registration, name,
						OAuthClientProperties.PREFIX + ".registrations." + name));
			}
		});
		checkRouting(resolved);
		return Collections.unmodifiableList(resolved);
	}

	private static void checkRouting(List<ResolvedRegistration> registrations) {
		if (registrations.size() == 1 && registrations.get(0).resourceUrls().isEmpty()) {
			ResolvedRegistration only = registrations.get(0);
			logger.warn("OAuth client registration '" + only.name()
					+ "' lists no resource URLs, so its access token is sent with every request made through "
					+ "Boot-built RestTemplate and RestClient instances, whatever the host. Set "
					+ only.property("resource-urls") + " to the URL prefixes of the APIs that should receive it.");
			return;
		}
		Map<ResourceUrl, ResolvedRegistration> owners = new HashMap<>();
		for (ResolvedRegistration registration : registrations) {
			if (registration.resourceUrls().isEmpty()) {
				throw new InvalidOAuthClientPropertyException(registration.property("resource-urls"),
						"is not set, but there are " + registrations.size() + " OAuth client registrations "
								+ names(registrations) + " and each request must be routed to one of them",
						"Set " + registration.property("resource-urls")
								+ " to the URL prefixes (for example https://api.example.com/v1) that should receive "
								+ "the token of registration '" + registration.name() + "'.");
			}
			for (ResourceUrl url : registration.resourceUrls()) {
				ResolvedRegistration owner = owners.putIfAbsent(url, registration);
				if (owner != null && owner != registration) {
					throw new InvalidOAuthClientPropertyException(registration.property("resource-urls"),
							"lists " + url + ", which " + owner.property("resource-urls") + " lists as well",
							"List each resource URL under one registration only (the longest matching prefix "
									+ "decides which token a request gets).");
				}
			}
		}
	}

	private static String names(List<ResolvedRegistration> registrations) {
		return registrations.stream().map(ResolvedRegistration::name).toList().toString();
	}

	private static ResolvedRegistration resolve(OAuthClientProperties root,
			OAuthClientRegistrationProperties registration, String name, String prefix) {
		return new Scope(root, registration, name, prefix).resolve();
	}

	/** One registration being resolved: knows where each value came from, to name the right property. */
	private static final class Scope {

		private final OAuthClientProperties root;

		private final OAuthClientRegistrationProperties registration;

		private final String name;

		private final String prefix;

		Scope(OAuthClientProperties root, OAuthClientRegistrationProperties registration, String name,
				String prefix) {
			this.root = root;
			this.registration = registration;
			this.name = name;
			this.prefix = prefix;
		}

		ResolvedRegistration resolve() {
			boolean insecureTransport = pick(OAuthClientRegistrationProperties::getInsecureTransport,
					"insecure-transport").orElse(false);
			Setting<String> clientId = pick(OAuthClientRegistrationProperties::getClientId, "client-id");
			if (!hasText(clientId.value())) {
				throw missing(property("client-id"), "Set " + property("client-id")
						+ " to the client id your authorization server issued for registration '" + this.name + "'.");
			}
			Setting<String> clientSecret = clientSecret();
			ClientAuthenticationMethod authenticationMethod = oneOf(
					pick(OAuthClientRegistrationProperties::getAuthenticationMethod, "authentication-method"),
					DEFAULT_AUTHENTICATION_METHOD, ClientAuthenticationMethod.values(),
					ClientAuthenticationMethod::value);
			checkSecret(clientSecret, authenticationMethod);
			Setting<String> tokenUri;
			Setting<String> issuerUri;
			if (this.registration != this.root && (this.registration.getTokenUri() != null
					|| this.registration.getIssuerUri() != null)) {
				tokenUri = own(this.registration.getTokenUri(), "token-uri");
				issuerUri = own(this.registration.getIssuerUri(), "issuer-uri");
			}
			else {
				tokenUri = new Setting<>(this.root.getTokenUri(), OAuthClientProperties.PREFIX + ".token-uri");
				issuerUri = new Setting<>(this.root.getIssuerUri(), OAuthClientProperties.PREFIX + ".issuer-uri");
			}
			checkEndpoint(tokenUri, issuerUri);
			TokenPlacement tokenPlacement = oneOf(pick(OAuthClientRegistrationProperties::getTokenPlacement,
					"token-placement"), DEFAULT_TOKEN_PLACEMENT, TokenPlacement.values(), TokenPlacement::value);
			Setting<Integer> maxAttempts = pick((p) -> p.getRetry().getMaxAttempts(), "retry.max-attempts");
			if (maxAttempts.value() != null && maxAttempts.value() < 1) {
				throw new InvalidOAuthClientPropertyException(maxAttempts.property(),
						"is " + maxAttempts.value() + ", but at least one attempt is needed",
						"Set it to 1 (no retries) or more.");
			}
			return new ResolvedRegistration(this.name, this.prefix,
					endpoint(tokenUri, insecureTransport), endpoint(issuerUri, insecureTransport), clientId.value(),
					hasText(clientSecret.value()) ? clientSecret.value() : null, authenticationMethod,
					pick(OAuthClientRegistrationProperties::getIncludeClientId, "include-client-id").orElse(false),
					scope(), extraParameters(), tokenPlacement, resourceUrls(insecureTransport),
					duration(pick(OAuthClientRegistrationProperties::getRenewBeforeExpiry, "renew-before-expiry"),
							DEFAULT_RENEW_BEFORE_EXPIRY, true),
					duration(pick(OAuthClientRegistrationProperties::getDefaultTokenLifetime,
							"default-token-lifetime"), DEFAULT_TOKEN_LIFETIME, false),
					text(pick(OAuthClientRegistrationProperties::getSslBundle, "ssl-bundle")),
					duration(pick(OAuthClientRegistrationProperties::getConnectTimeout, "connect-timeout"),
							DEFAULT_CONNECT_TIMEOUT, false),
					duration(pick(OAuthClientRegistrationProperties::getReadTimeout, "read-timeout"),
							DEFAULT_READ_TIMEOUT, false),
					maxAttempts.orElse(DEFAULT_RETRY_MAX_ATTEMPTS),
					duration(pick((p) -> p.getRetry().getBackoff(), "retry.backoff"), DEFAULT_RETRY_BACKOFF, true),
					insecureTransport,
					pick(OAuthClientRegistrationProperties::getRelaxTokenScope, "relax-token-scope").orElse(true),
					pick(OAuthClientRegistrationProperties::getStrictTokenType, "strict-token-type").orElse(false),
					JwtAssertionSettings.resolve(this.root, this.registration, this.prefix),
					pick((p) -> p.getDpop().getEnabled(), "dpop.enabled").orElse(false));
		}

		private Setting<String> clientSecret() {
			if (this.registration != this.root && this.registration.getClientId() != null) {
				return own(this.registration.getClientSecret(), "client-secret");
			}
			return pick(OAuthClientRegistrationProperties::getClientSecret, "client-secret");
		}

		private void checkSecret(Setting<String> clientSecret, ClientAuthenticationMethod authenticationMethod) {
			boolean hasSecret = hasText(clientSecret.value());
			if (!authenticationMethod.requiresClientSecret() && hasSecret) {
				throw new InvalidOAuthClientPropertyException(clientSecret.property(),
						"is set, but " + property("authentication-method") + " is " + authenticationMethod.value()
								+ ((authenticationMethod == ClientAuthenticationMethod.NONE)
										? " (a public client sends no secret)" : " (which sends no secret)"),
						"Remove " + clientSecret.property() + ", or set " + property("authentication-method")
								+ " to client_secret_basic or client_secret_post.");
			}
			if (authenticationMethod.requiresClientSecret() && !hasSecret) {
				String inheritance = (this.registration != this.root && this.registration.getClientId() != null)
						? " (a registration with its own client-id does not inherit " + OAuthClientProperties.PREFIX
								+ ".client-secret)"
						: "";
				throw missing(property("client-secret"), "Set " + property("client-secret")
						+ " (for example client-secret: ${MY_CLIENT_SECRET}) for authentication method "
						+ authenticationMethod.value() + inheritance + ", or set " + property("authentication-method")
						+ " to none for a public client.");
			}
		}

		private void checkEndpoint(Setting<String> tokenUri, Setting<String> issuerUri) {
			boolean hasTokenUri = hasText(tokenUri.value());
			boolean hasIssuerUri = hasText(issuerUri.value());
			if (!hasTokenUri && !hasIssuerUri) {
				throw new InvalidOAuthClientPropertyException(property("token-uri"),
						"is not set, and neither is " + property("issuer-uri"),
						"Set " + property("token-uri") + " to the token endpoint (for example "
								+ "https://idp.example.com/oauth2/token), or " + property("issuer-uri")
								+ " to the issuer whose metadata names it.");
			}
			if (hasTokenUri && hasIssuerUri) {
				throw new InvalidOAuthClientPropertyException(tokenUri.property(),
						"is set together with " + issuerUri.property(),
						"Set only one of them: token-uri to name the token endpoint directly, or issuer-uri to "
								+ "discover it.");
			}
		}

		private String endpoint(Setting<String> setting, boolean insecureTransport) {
			if (!hasText(setting.value())) {
				return null;
			}
			String value = setting.value().strip();
			URI uri;
			try {
				uri = new URI(value);
			}
			catch (URISyntaxException ex) {
				throw malformed(setting.property(), "is not a valid URI (" + ex.getReason() + " at index "
						+ ex.getIndex() + ")");
			}
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			if (!scheme.equals("https") && !scheme.equals("http")) {
				throw malformed(setting.property(), "is not an absolute http(s) URL");
			}
			if (uri.getRawUserInfo() != null) {
				throw new InvalidOAuthClientPropertyException(setting.property(), "contains user info",
						"Remove the user info from the URL; credentials go into " + property("client-id") + " and "
								+ property("client-secret") + ".");
			}
			if (uri.getHost() == null) {
				throw malformed(setting.property(), "has no host (or one Java cannot parse) in '" + value + "'");
			}
			if (uri.getRawFragment() != null) {
				throw malformed(setting.property(), "must not have a fragment ('" + value + "')");
			}
			if (scheme.equals("http") && !insecureTransport && !TransportSecurity.isLoopback(uri.getHost())) {
				throw new InvalidOAuthClientPropertyException(setting.property(),
						"is '" + value + "': plain http to a host that is not loopback would expose the client "
								+ "credentials and tokens",
						"Use https, or (only for tests and trusted networks) set " + property("insecure-transport")
								+ "=true.");
			}
			return value;
		}

		private List<ResourceUrl> resourceUrls(boolean insecureTransport) {
			Setting<List<String>> setting = (this.registration != this.root && hasDefaultRegistration(this.root))
					? own(this.registration.getResourceUrls(), "resource-urls")
					: pick(OAuthClientRegistrationProperties::getResourceUrls, "resource-urls");
			if (setting.value() == null) {
				return List.of();
			}
			List<ResourceUrl> urls = new ArrayList<>();
			for (int i = 0; i < setting.value().size(); i++) {
				String property = setting.property() + "[" + i + "]";
				ResourceUrl url;
				try {
					url = ResourceUrl.parse(setting.value().get(i));
				}
				catch (IllegalArgumentException ex) {
					throw new InvalidOAuthClientPropertyException(property, "is invalid: " + ex.getMessage(),
							"Set it to a URL prefix such as https://api.example.com/v1.");
				}
				if (!insecureTransport && !url.isSecureOrLoopback()) {
					throw new InvalidOAuthClientPropertyException(property,
							"is " + url + ": plain http to a host that is not loopback would expose the token",
							"Use https, or (only for tests and trusted networks) set "
									+ property("insecure-transport") + "=true.");
				}
				if (!urls.contains(url)) {
					urls.add(url);
				}
			}
			return List.copyOf(urls);
		}

		private List<String> scope() {
			List<String> configured = pick(OAuthClientRegistrationProperties::getScope, "scope").value();
			if (configured == null) {
				return List.of();
			}
			List<String> scopes = new ArrayList<>();
			for (String entry : configured) {
				if (entry != null) {
					for (String scope : entry.strip().split("\\s+")) {
						if (!scope.isEmpty()) {
							scopes.add(scope);
						}
					}
				}
			}
			return List.copyOf(scopes);
		}

		private Map<String, String> extraParameters() {
			Map<String, String> merged = new LinkedHashMap<>();
			if (this.registration != this.root && this.root.getExtraParameters() != null) {
				merged.putAll(this.root.getExtraParameters());
			}
			if (this.registration.getExtraParameters() != null) {
				merged.putAll(this.registration.getExtraParameters());
			}
			merged.values().removeIf((value) -> value == null || value.isEmpty());
			return Collections.unmodifiableMap(merged);
		}

		private <E> E oneOf(Setting<String> setting, E defaultValue, E[] values, Function<E, String> name) {
			if (setting.value() == null) {
				return defaultValue;
			}
			// relaxed like Boot's enum binding: case and '-' vs '_' do not matter
			String normalized = setting.value().strip().toLowerCase(Locale.ROOT).replace('-', '_');
			for (E value : values) {
				if (name.apply(value).equals(normalized)) {
					return value;
				}
			}
			String allowed = Arrays.stream(values).map(name).collect(Collectors.joining(", "));
			throw new InvalidOAuthClientPropertyException(setting.property(),
					"is '" + setting.value() + "', which is not one of " + allowed,
					"Set " + setting.property() + " to one of " + allowed + " (default " + name.apply(defaultValue)
							+ ").");
		}

		private Duration duration(Setting<Duration> setting, Duration defaultValue, boolean zeroAllowed) {
			Duration value = setting.orElse(defaultValue);
			if (value.isNegative() || (!zeroAllowed && value.isZero())) {
				throw new InvalidOAuthClientPropertyException(setting.property(),
						"is " + value + ", but must be " + (zeroAllowed ? "zero or positive" : "positive"),
						"Set it to a duration such as " + defaultValue.toSeconds() + "s (the default is "
								+ defaultValue + ").");
			}
			return value;
		}

		private <T> Setting<T> pick(Function<OAuthClientRegistrationProperties, T> getter, String key) {
			T own = getter.apply(this.registration);
			if (own != null || this.registration == this.root) {
				return new Setting<>(own, property(key));
			}
			return new Setting<>(getter.apply(this.root), OAuthClientProperties.PREFIX + "." + key);
		}

		private <T> Setting<T> own(T value, String key) {
			return new Setting<>(value, property(key));
		}

		private String property(String key) {
			return this.prefix + "." + key;
		}

	}

	/** A value and the property it came from (the registration's own, or the inherited root one). */
	private record Setting<T>(T value, String property) {

		T orElse(T defaultValue) {
			return (this.value != null) ? this.value : defaultValue;
		}

	}

	private static InvalidOAuthClientPropertyException missing(String property, String action) {
		return new InvalidOAuthClientPropertyException(property, "is not set", action);
	}

	private static InvalidOAuthClientPropertyException malformed(String property, String problem) {
		return new InvalidOAuthClientPropertyException(property, problem,
				"Set it to an absolute URL such as https://idp.example.com/oauth2/token.");
	}

	private static String text(Setting<String> setting) {
		return hasText(setting.value()) ? setting.value().strip() : null;
	}

	private static boolean hasText(String value) {
		return value != null && !value.isBlank();
	}

}
