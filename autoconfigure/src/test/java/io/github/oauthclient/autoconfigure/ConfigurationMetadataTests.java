package io.github.oauthclient.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.convert.DurationStyle;

import io.github.oauthclient.core.TokenPlacement;
import io.github.oauthclient.token.ClientAuthenticationMethod;

/**
 * The configuration metadata the configuration processor generates into the jar (what IDEs complete and document):
 * every key has a description, the documented defaults are the ones the code applies, and the property reference
 * in {@code docs/configuration.md} lists every key.
 */
class ConfigurationMetadataTests {

	private static final List<String> REQUIRED_KEYS = List.of("enabled", "token-uri", "issuer-uri", "client-id",
			"client-secret", "authentication-method", "include-client-id", "scope", "extra-parameters",
			"token-placement", "resource-urls", "renew-before-expiry", "default-token-lifetime", "connect-timeout",
			"read-timeout", "retry.max-attempts", "retry.backoff", "insecure-transport", "relax-token-scope",
			"strict-token-type", "ssl-bundle", "registrations");

	private static final Pattern DOCUMENTED_DEFAULT = Pattern.compile("Default: ([^ ]+?)\\.?$");

	private static Map<String, JsonNode> properties;

	private static JsonNode hints;

	@BeforeAll
	static void readMetadata() throws IOException {
		JsonNode metadata = null;
		for (URL url : Collections.list(ConfigurationMetadataTests.class.getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json"))) {
			try (InputStream in = url.openStream()) {
				JsonNode candidate = JsonMapper.builder().build().readTree(in);
				for (JsonNode group : candidate.path("groups")) {
					if (group.get("name").asString().equals(OAuthClientProperties.PREFIX)) {
						metadata = candidate;
					}
				}
			}
		}
		assertThat(metadata).as("our generated metadata on the class path").isNotNull();
		properties = new LinkedHashMap<>();
		for (JsonNode property : metadata.get("properties")) {
			properties.put(property.get("name").asString(), property);
		}
		hints = metadata.get("hints");
	}

	@Test
	void everyKeyOfTheIssueIsThereWithADescription() {
		for (String key : REQUIRED_KEYS) {
			JsonNode property = properties.get("oauth.client." + key);
			assertThat(property).as(key).isNotNull();
			assertThat(property.path("description").asString("")).as(key + " description").hasSizeGreaterThan(20);
		}
		assertThat(properties.keySet()).allMatch((name) -> name.startsWith("oauth.client."))
			.allSatisfy((name) -> assertThat(properties.get(name).path("description").asString(""))
				.as(name).isNotBlank());
	}

	@Test
	void theDefaultsInTheMetadataAreTheOnesTheCodeApplies() {
		assertThat(defaultOf("enabled")).isEqualTo("true");
		assertThat(defaultOf("authentication-method"))
			.isEqualTo(RegistrationResolver.DEFAULT_AUTHENTICATION_METHOD.value());
		assertThat(defaultOf("token-placement")).isEqualTo(RegistrationResolver.DEFAULT_TOKEN_PLACEMENT.value());
		assertThat(defaultOf("include-client-id")).isEqualTo("false");
		assertThat(duration("renew-before-expiry")).isEqualTo(RegistrationResolver.DEFAULT_RENEW_BEFORE_EXPIRY);
		assertThat(duration("default-token-lifetime")).isEqualTo(RegistrationResolver.DEFAULT_TOKEN_LIFETIME);
		assertThat(duration("connect-timeout")).isEqualTo(RegistrationResolver.DEFAULT_CONNECT_TIMEOUT);
		assertThat(duration("read-timeout")).isEqualTo(RegistrationResolver.DEFAULT_READ_TIMEOUT);
		assertThat(defaultOf("retry.max-attempts"))
			.isEqualTo(String.valueOf(RegistrationResolver.DEFAULT_RETRY_MAX_ATTEMPTS));
		assertThat(duration("retry.backoff")).isEqualTo(RegistrationResolver.DEFAULT_RETRY_BACKOFF);
		assertThat(defaultOf("insecure-transport")).isEqualTo("false");
		assertThat(defaultOf("relax-token-scope")).isEqualTo("true");
		assertThat(defaultOf("strict-token-type")).isEqualTo("false");
	}

	@Test
	void aDefaultNamedInADescriptionMatchesTheMetadataDefault() {
		properties.forEach((name, property) -> {
			Matcher matcher = DOCUMENTED_DEFAULT.matcher(property.path("description").asString(""));
			if (matcher.find()) {
				assertThat(property.path("defaultValue").asString(null)).as(name).isEqualTo(matcher.group(1));
			}
		});
	}

	@Test
	void hintsListExactlyTheAcceptedValues() {
		assertThat(hintValues("oauth.client.authentication-method")).containsExactlyElementsOf(
				Arrays.stream(ClientAuthenticationMethod.values()).map(ClientAuthenticationMethod::value).toList());
		assertThat(hintValues("oauth.client.token-placement")).containsExactlyElementsOf(
				Arrays.stream(TokenPlacement.values()).map(TokenPlacement::value).toList());
	}

	@Test
	void thePropertyReferenceDocumentsEveryKey() throws IOException {
		Path reference = Path.of("..", "docs", "configuration.md");
		assertThat(reference).exists();
		String text = Files.readString(reference);
		for (String name : properties.keySet()) {
			assertThat(text).as("docs/configuration.md documents " + name)
				.containsPattern("`" + Pattern.quote(name) + "(\\.<[a-z]+>)?`");
		}
	}

	private static String defaultOf(String key) {
		JsonNode value = properties.get("oauth.client." + key).get("defaultValue");
		assertThat(value).as(key + " default").isNotNull();
		return value.asString();
	}

	private static java.time.Duration duration(String key) {
		return DurationStyle.detectAndParse(defaultOf(key));
	}

	private static List<String> hintValues(String name) {
		List<String> values = new ArrayList<>();
		for (JsonNode hint : hints) {
			if (hint.get("name").asString().equals(name)) {
				hint.get("values").forEach((value) -> values.add(value.get("value").asString()));
			}
		}
		return values;
	}

}
