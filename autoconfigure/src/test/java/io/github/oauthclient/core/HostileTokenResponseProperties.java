package io.github.oauthclient.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Hostile and broken token responses: whatever an authorization server (or a proxy in front of it) sends, the
 * response parser returns an {@link OAuth2Token} or throws one of its documented exceptions ({@link OAuth2Exception}
 * and its subclasses, {@link MalformedTokenResponseException} among them, or {@link ScopeChangedException}), never
 * anything else (no {@code NullPointerException}, {@code ClassCastException}, {@code NumberFormatException},
 * {@code StackOverflowError}), and never hangs. The statistics jqwik prints show how the inputs were classified.
 */
class HostileTokenResponseProperties {

	private static final Duration HANG_LIMIT = Duration.ofSeconds(10);

	private static final List<String> KEYS = List.of("access_token", "token_type", "expires_in", "expires_at",
			"scope", "refresh_token", "error", "error_description", "error_uri", "state", "mac_key",
			"mac_algorithm", "id_token", "", "access_token ", "ACCESS_TOKEN", "\u0000", "__proto__");

	@Property(tries = 3000)
	void arbitraryBytesAsUtf8(@ForAll byte[] bytes) {
		classify(new String(bytes, StandardCharsets.UTF_8));
	}

	@Property(tries = 2000)
	void arbitraryBytesAsLatin1(@ForAll byte[] bytes) {
		classify(new String(bytes, StandardCharsets.ISO_8859_1));
	}

	@Property(tries = 3000)
	void arbitraryText(@ForAll("text") String body) {
		classify(body);
	}

	@Property(tries = 5000)
	void arbitraryJson(@ForAll("json") String body) {
		classify(body);
	}

	@Property(tries = 3000)
	void arbitraryTokenLikeObjects(@ForAll("tokenLikeObject") String body) {
		classify(body);
	}

	@Property(tries = 300)
	void deeplyNestedJson(@ForAll("nesting") int depth) {
		classify("{\"access_token\":\"t\",\"x\":" + "[".repeat(depth) + "]".repeat(depth) + "}");
		classify("[".repeat(depth) + "]".repeat(depth));
		classify("{\"a\":".repeat(depth) + "1" + "}".repeat(depth));
	}

	@Property(tries = 1000)
	void arbitraryFormEncodedBodies(@ForAll("formBody") String body) {
		classify(body);
	}

	/** Parses {@code body} with a fresh client; fails on an undocumented exception or after {@link #HANG_LIMIT}. */
	private static void classify(String body) {
		String outcome = assertTimeoutPreemptively(HANG_LIMIT, () -> {
			BackendApplicationClient client = BackendApplicationClient.builder("client").scope("read").build();
			try {
				OAuth2Token token = client.parseRequestBodyResponse(body);
				assertThat(token).isNotNull();
				String accessToken = token.accessToken();
				if (accessToken == null || accessToken.isEmpty()) {
					// oauthlib accepts "access_token": null or ""; the token endpoint client refuses such a token
					return "token without access_token value";
				}
				assertThat(token.toString()).contains("access_token=******");
				if (!accessToken.startsWith("******")) {
					assertThat(token.toString()).doesNotContain("access_token=" + accessToken);
				}
				return "token";
			}
			catch (ScopeChangedException ex) {
				return "ScopeChangedException";
			}
			catch (OAuth2Exception ex) {
				assertThat(ex.getMessage()).isNotNull();
				return ex.getClass().getSimpleName();
			}
		});
		Statistics.collect(outcome);
	}

	@Provide
	Arbitrary<String> text() {
		return Arbitraries.strings().all().ofMaxLength(500);
	}

	@Provide
	Arbitrary<Integer> nesting() {
		return Arbitraries.integers().between(1, 20_000);
	}

	@Provide
	Arbitrary<String> formBody() {
		Arbitrary<String> key = Arbitraries.oneOf(Arbitraries.of(KEYS), Arbitraries.strings().all().ofMaxLength(10));
		Arbitrary<String> value = Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(20),
				Arbitraries.of("%", "%zz", "%C3", "+", "=", "&", "3600", "-1", "1e9", "NaN"));
		return Combinators.combine(key, value).as((k, v) -> k + "=" + v).list().ofMaxSize(8)
			.map((pairs) -> String.join("&", pairs));
	}

	@Provide
	Arbitrary<String> json() {
		return jsonValue(4);
	}

	@Provide
	Arbitrary<String> tokenLikeObject() {
		Arbitrary<Map.Entry<String, String>> member = Combinators.combine(Arbitraries.of(KEYS), jsonValue(2))
			.as(Map::entry);
		return member.list().ofMaxSize(8).map(HostileTokenResponseProperties::object);
	}

	private static Arbitrary<String> jsonValue(int depth) {
		Arbitrary<String> scalar = Arbitraries.oneOf(
				Arbitraries.strings().all().ofMaxLength(30).map(HostileTokenResponseProperties::quote),
				Arbitraries.longs().map(String::valueOf),
				Arbitraries.doubles().map(String::valueOf),
				Arbitraries.bigIntegers().between(java.math.BigInteger.TEN.pow(30).negate(),
						java.math.BigInteger.TEN.pow(30)).map(String::valueOf),
				Arbitraries.of("true", "false", "null", "1e400", "-1e400", "NaN", "Infinity", "-0", "0.0",
						"3600", "\"3600\"", "\"-1\"", "\"abc\"", "\"\"", "1.5", "9223372036854775808",
						"\"\\ud800\"", "\"\\u0000\"", "\"read write\"", "[\"read\"]"));
		if (depth == 0) {
			return scalar;
		}
		Arbitrary<String> array = Arbitraries.lazy(() -> jsonValue(depth - 1)).list().ofMaxSize(4)
			.map((items) -> "[" + String.join(",", items) + "]");
		Arbitrary<Map.Entry<String, String>> member = Combinators.combine(
				Arbitraries.oneOf(Arbitraries.of(KEYS), Arbitraries.strings().all().ofMaxLength(8)),
				Arbitraries.lazy(() -> jsonValue(depth - 1))).as(Map::entry);
		Arbitrary<String> object = member.list().ofMaxSize(6).map(HostileTokenResponseProperties::object);
		return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, scalar), net.jqwik.api.Tuple.of(1, array),
				net.jqwik.api.Tuple.of(3, object));
	}

	private static String object(List<Map.Entry<String, String>> members) {
		StringBuilder json = new StringBuilder("{");
		for (Map.Entry<String, String> member : members) {
			if (json.length() > 1) {
				json.append(',');
			}
			json.append(quote(member.getKey())).append(':').append(member.getValue());
		}
		return json.append('}').toString();
	}

	private static String quote(String text) {
		StringBuilder quoted = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			if (c == '"' || c == '\\') {
				quoted.append('\\').append(c);
			}
			else if (c < 0x20) {
				quoted.append(String.format("\\u%04x", (int) c));
			}
			else {
				quoted.append(c);
			}
		}
		return quoted.append('"').toString();
	}
}
