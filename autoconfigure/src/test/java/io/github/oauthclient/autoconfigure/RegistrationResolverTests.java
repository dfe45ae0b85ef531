package io.github.oauthclient.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.github.oauthclient.core.TokenPlacement;
import io.github.oauthclient.http.ResourceUrl;
import io.github.oauthclient.token.ClientAuthenticationMethod;

/**
 * Defaults and inheritance rules of {@code oauth.client.*}, bound by Boot in a real (runner) context and resolved by
 * {@link RegistrationResolver}.
 */
class RegistrationResolverTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(OAuthClientAutoConfiguration.class))
		.withPropertyValues("oauth.client.token-uri=https://idp.example.com/oauth2/token");

	@Test
	void defaults() {
		resolve(List.of("oauth.client.client-id=orders", "oauth.client.client-secret=secret"), (registrations) -> {
			assertThat(registrations).hasSize(1);
			ResolvedRegistration registration = registrations.get(0);
			assertThat(registration.name()).isEqualTo("default");
			assertThat(registration.propertyPrefix()).isEqualTo("oauth.client");
			assertThat(registration.tokenUri()).isEqualTo("https://idp.example.com/oauth2/token");
			assertThat(registration.issuerUri()).isNull();
			assertThat(registration.authenticationMethod()).isEqualTo(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
			assertThat(registration.includeClientId()).isFalse();
			assertThat(registration.scope()).isEmpty();
			assertThat(registration.extraParameters()).isEmpty();
			assertThat(registration.tokenPlacement()).isEqualTo(TokenPlacement.AUTH_HEADER);
			assertThat(registration.resourceUrls()).isEmpty();
			assertThat(registration.renewBeforeExpiry()).isEqualTo(Duration.ofMinutes(5));
			assertThat(registration.defaultTokenLifetime()).isEqualTo(Duration.ofMinutes(5));
			assertThat(registration.sslBundle()).isNull();
			assertThat(registration.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
			assertThat(registration.readTimeout()).isEqualTo(Duration.ofSeconds(10));
			assertThat(registration.retryMaxAttempts()).isEqualTo(3);
			assertThat(registration.retryBackoff()).isEqualTo(Duration.ofMillis(200));
			assertThat(registration.insecureTransport()).isFalse();
			assertThat(registration.relaxTokenScope()).isTrue();
			assertThat(registration.strictTokenType()).isFalse();
		});
	}

	@Test
	void everyKeyCanBeSet() {
		resolve(List.of("oauth.client.client-id=orders", "oauth.client.authentication-method=none",
				"oauth.client.include-client-id=true", "oauth.client.scope[0]=a", "oauth.client.scope[1]=b",
				"oauth.client.extra-parameters.audience=https://api.example.com",
				"oauth.client.token-placement=query", "oauth.client.resource-urls=https://api.example.com/v1/",
				"oauth.client.renew-before-expiry=30s", "oauth.client.default-token-lifetime=1h",
				"oauth.client.connect-timeout=1s", "oauth.client.read-timeout=2s",
				"oauth.client.retry.max-attempts=1", "oauth.client.retry.backoff=0s",
				"oauth.client.insecure-transport=true", "oauth.client.relax-token-scope=false",
				"oauth.client.strict-token-type=true"), (registrations) -> {
					ResolvedRegistration registration = registrations.get(0);
					assertThat(registration.clientSecret()).isNull();
					assertThat(registration.authenticationMethod()).isEqualTo(ClientAuthenticationMethod.NONE);
					assertThat(registration.includeClientId()).isTrue();
					assertThat(registration.scope()).containsExactly("a", "b");
					assertThat(registration.extraParameters()).containsEntry("audience", "https://api.example.com");
					assertThat(registration.tokenPlacement()).isEqualTo(TokenPlacement.QUERY);
					assertThat(registration.resourceUrls())
						.containsExactly(ResourceUrl.parse("https://api.example.com/v1"));
					assertThat(registration.renewBeforeExpiry()).isEqualTo(Duration.ofSeconds(30));
					assertThat(registration.defaultTokenLifetime()).isEqualTo(Duration.ofHours(1));
					assertThat(registration.connectTimeout()).isEqualTo(Duration.ofSeconds(1));
					assertThat(registration.readTimeout()).isEqualTo(Duration.ofSeconds(2));
					assertThat(registration.retryMaxAttempts()).isEqualTo(1);
					assertThat(registration.retryBackoff()).isZero();
					assertThat(registration.insecureTransport()).isTrue();
					assertThat(registration.relaxTokenScope()).isFalse();
					assertThat(registration.strictTokenType()).isTrue();
				});
	}

	@Test
	void scopeIsAListOrOneSpaceSeparatedString() {
		resolve(List.of("oauth.client.client-id=orders", "oauth.client.client-secret=secret",
				"oauth.client.scope=  inventory.read   inventory.write "),
				(registrations) -> assertThat(registrations.get(0).scope())
					.containsExactly("inventory.read", "inventory.write"));
		resolve(List.of("oauth.client.client-id=orders", "oauth.client.client-secret=secret",
				"oauth.client.scope=inventory.read,inventory.write"),
				(registrations) -> assertThat(registrations.get(0).scope())
					.containsExactly("inventory.read", "inventory.write"));
	}

	@Test
	void enumValuesAreRelaxedLikeBootsEnumBinding() {
		resolve(List.of("oauth.client.client-id=orders", "oauth.client.client-secret=secret",
				"oauth.client.authentication-method=Client-Secret-Post", "oauth.client.token-placement=AUTH-HEADER"),
				(registrations) -> {
					assertThat(registrations.get(0).authenticationMethod())
						.isEqualTo(ClientAuthenticationMethod.CLIENT_SECRET_POST);
					assertThat(registrations.get(0).tokenPlacement()).isEqualTo(TokenPlacement.AUTH_HEADER);
				});
	}

	@Test
	void namedRegistrationsInheritEveryKeyTheyDoNotSet() {
		resolve(List.of("oauth.client.client-id=orders", "oauth.client.client-secret=root-secret",
				"oauth.client.scope=a", "oauth.client.token-placement=body", "oauth.client.read-timeout=3s",
				"oauth.client.retry.max-attempts=5", "oauth.client.relax-token-scope=false",
				"oauth.client.resource-urls=https://orders.example.com",
				"oauth.client.registrations.billing.resource-urls=https://billing.example.com",
				"oauth.client.registrations.billing.retry.backoff=1s"), (registrations) -> {
					assertThat(registrations).extracting(ResolvedRegistration::name)
						.containsExactly("default", "billing");
					ResolvedRegistration billing = registrations.get(1);
					assertThat(billing.propertyPrefix()).isEqualTo("oauth.client.registrations.billing");
					assertThat(billing.tokenUri()).isEqualTo("https://idp.example.com/oauth2/token");
					assertThat(billing.clientId()).isEqualTo("orders");
					assertThat(billing.clientSecret()).isEqualTo("root-secret");
					assertThat(billing.scope()).containsExactly("a");
					assertThat(billing.tokenPlacement()).isEqualTo(TokenPlacement.BODY);
					assertThat(billing.readTimeout()).isEqualTo(Duration.ofSeconds(3));
					assertThat(billing.retryMaxAttempts()).isEqualTo(5);
					assertThat(billing.retryBackoff()).isEqualTo(Duration.ofSeconds(1));
					assertThat(billing.relaxTokenScope()).isFalse();
					assertThat(billing.resourceUrls()).containsExactly(ResourceUrl.parse("https://billing.example.com"));
				});
	}

	@Test
	void ownValuesWinOverInheritedOnes() {
		resolve(List.of("oauth.client.scope=a", "oauth.client.connect-timeout=3s",
				"oauth.client.registrations.billing.client-id=billing",
				"oauth.client.registrations.billing.client-secret=billing-secret",
				"oauth.client.registrations.billing.scope=b c", "oauth.client.registrations.billing.connect-timeout=1s",
				"oauth.client.registrations.billing.insecure-transport=true"), (registrations) -> {
					ResolvedRegistration billing = registrations.get(0);
					assertThat(billing.clientId()).isEqualTo("billing");
					assertThat(billing.clientSecret()).isEqualTo("billing-secret");
					assertThat(billing.scope()).containsExactly("b", "c");
					assertThat(billing.connectTimeout()).isEqualTo(Duration.ofSeconds(1));
					assertThat(billing.insecureTransport()).isTrue();
				});
	}

	@Test
	void anEmptyScopeOverridesTheInheritedOne() {
		resolve(List.of("oauth.client.scope=a", "oauth.client.registrations.billing.client-id=billing",
				"oauth.client.registrations.billing.client-secret=billing-secret",
				"oauth.client.registrations.billing.scope="),
				(registrations) -> assertThat(registrations.get(0).scope()).isEmpty());
	}

	@Test
	void extraParametersMergeKeyByKeyAndAnEmptyValueDropsOne() {
		resolve(List.of("oauth.client.extra-parameters.audience=https://root.example.com",
				"oauth.client.extra-parameters.resource=https://r.example.com",
				"oauth.client.registrations.billing.client-id=billing",
				"oauth.client.registrations.billing.client-secret=billing-secret",
				"oauth.client.registrations.billing.extra-parameters.audience=https://billing.example.com",
				"oauth.client.registrations.billing.extra-parameters.resource=",
				"oauth.client.registrations.billing.extra-parameters.tenant=t1"),
				(registrations) -> assertThat(registrations.get(0).extraParameters())
					.containsExactly(java.util.Map.entry("audience", "https://billing.example.com"),
							java.util.Map.entry("tenant", "t1")));
	}

	@Test
	void tokenUriAndIssuerUriAreInheritedAsAPair() {
		resolve(List.of("oauth.client.registrations.billing.client-id=billing",
				"oauth.client.registrations.billing.client-secret=billing-secret",
				"oauth.client.registrations.billing.issuer-uri=https://other-idp.example.com"), (registrations) -> {
					assertThat(registrations.get(0).issuerUri()).isEqualTo("https://other-idp.example.com");
					assertThat(registrations.get(0).tokenUri()).as("not inherited next to its own issuer-uri")
						.isNull();
				});
	}

	@Test
	void theSecretIsInheritedOnlyTogetherWithTheClientId() {
		resolve(List.of("oauth.client.client-secret=root-secret",
				"oauth.client.registrations.public.client-id=public-client",
				"oauth.client.registrations.public.authentication-method=none"), (registrations) -> {
					assertThat(registrations.get(0).clientId()).isEqualTo("public-client");
					assertThat(registrations.get(0).clientSecret()).isNull();
				});
	}

	@Test
	void theRootWithoutClientIdOnlyHoldsDefaults() {
		resolve(List.of("oauth.client.scope=a", "oauth.client.registrations.only.client-id=only",
				"oauth.client.registrations.only.client-secret=only-secret"), (registrations) -> {
					assertThat(registrations).extracting(ResolvedRegistration::name).containsExactly("only");
					assertThat(registrations.get(0).scope()).containsExactly("a");
				});
	}

	private void resolve(List<String> properties, Consumer<List<ResolvedRegistration>> assertions) {
		this.runner.withPropertyValues(properties.toArray(String[]::new)).run((context) -> {
			assertThat(context).hasNotFailed();
			assertions.accept(RegistrationResolver.resolveAll(context.getBean(OAuthClientProperties.class)));
		});
	}

}
