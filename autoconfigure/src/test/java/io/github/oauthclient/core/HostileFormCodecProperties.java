package io.github.oauthclient.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The oauthlib form codec under arbitrary input: decoding any text (broken percent escapes, lone surrogates, control
 * characters, separators only) returns pairs and never throws or hangs; encoding any well-formed pairs decodes back
 * to the same pairs, and the encoded form holds only URL-safe characters.
 */
class HostileFormCodecProperties {

	private static final Duration HANG_LIMIT = Duration.ofSeconds(10);

	@Property(tries = 5000)
	void decodingArbitraryTextNeverFails(@ForAll("hostileQuery") String query) {
		List<Map.Entry<String, String>> pairs = assertTimeoutPreemptively(HANG_LIMIT, () -> FormCodec.decode(query));
		assertThat(pairs).isNotNull().allSatisfy((pair) -> {
			assertThat(pair.getKey()).isNotNull();
			assertThat(pair.getValue()).isNotNull();
		});
		assertThat(FormCodec.decode(query, false)).hasSizeLessThanOrEqualTo(pairs.size());
	}

	@Property(tries = 3000)
	void encodingRoundTrips(@ForAll("pairs") List<Map.Entry<String, String>> pairs) {
		String encoded = assertTimeoutPreemptively(HANG_LIMIT, () -> FormCodec.encode(pairs));
		assertThat(encoded).matches("[A-Za-z0-9_.~%+=&*-]*");
		assertThat(FormCodec.decode(encoded)).containsExactlyElementsOf(pairs);
	}

	@Provide
	Arbitrary<String> hostileQuery() {
		Arbitrary<String> piece = Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(12),
				Arbitraries.of("%", "%%", "%zz", "%C3", "%C3%28", "%ED%A0%80", "%00", "+", "=", "==", "&", "&&", ";",
						"\ud800", "\udfff", "a=b", "a", "=b", "%2", "%F0%9F%98%80"));
		return piece.list().ofMaxSize(20).map((pieces) -> String.join("", pieces));
	}

	@Provide
	Arbitrary<List<Map.Entry<String, String>>> pairs() {
		Arbitrary<String> text = Arbitraries.strings().withCharRange('\u0000', '\ud7ff').ofMaxLength(20);
		Arbitrary<String> name = Arbitraries.strings().withCharRange('\u0000', '\ud7ff').ofMinLength(1).ofMaxLength(20);
		return Combinators.combine(name, text).as((k, v) -> Map.entry(k, v)).list().ofMaxSize(8)
			.map((list) -> List.copyOf(list));
	}
}
