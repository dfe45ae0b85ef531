package io.github.oauthclient.core;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Properties of the oauthlib form codec over arbitrary Unicode: encoding round-trips, agrees with an
 * independent implementation of the rules ({@link URLEncoder} with Python's two fix-ups), only emits the
 * unreserved set; decoding never throws, agrees with {@link URLDecoder} wherever that one is defined, and is
 * idempotent after one normalisation; lone surrogates are rejected with {@link IllegalArgumentException}.
 */
class FormCodecProperties {

	@Property
	void encodeThenDecodeGivesThePairsBack(@ForAll("pairs") List<Map.Entry<String, String>> pairs) {
		assertThat(FormCodec.decode(FormCodec.encode(pairs))).isEqualTo(pairs);
	}

	@Property
	void quotePlusAgreesWithUrlEncoderAfterPythonsFixUps(@ForAll("validUnicode") String s) {
		String reference = URLEncoder.encode(s, StandardCharsets.UTF_8).replace("*", "%2A").replace("%7E", "~");
		assertThat(FormCodec.quotePlus(s)).isEqualTo(reference);
	}

	@Property
	void encodedTextUsesOnlyTheUnreservedSetPlusEscapes(@ForAll("pairs") List<Map.Entry<String, String>> pairs) {
		assertThat(FormCodec.encode(pairs)).matches("[A-Za-z0-9_.~+%=&-]*");
		assertThat(FormCodec.encode(pairs)).doesNotContainPattern("%[0-9A-F]?[a-z]");
	}

	@Property
	void loneSurrogatesAreRejected(@ForAll("validUnicode") String prefix, @ForAll("validUnicode") String suffix,
			@ForAll @CharRange(from = '\ud800', to = '\udfff') char surrogate) {
		String s = prefix + surrogate + suffix;
		if (Utf8.indexOfLoneSurrogate(s) < 0) {
			return; // the surrogate happened to pair with a neighbour
		}
		assertThatIllegalArgumentException().isThrownBy(() -> FormCodec.quotePlus(s))
			.withMessageContaining("lone UTF-16 surrogate");
		assertThatIllegalArgumentException().isThrownBy(() -> FormCodec.encode(List.of(Map.entry("k", s))))
			.withMessageContaining("'k'")
			.withMessageNotContaining(s);
	}

	@Property
	void decodingNeverThrowsAndNormalisationIsIdempotent(@ForAll("formish") String body) {
		List<Map.Entry<String, String>> pairs = FormCodec.decode(body);
		if (Utf8.indexOfLoneSurrogate(body) >= 0) {
			return;
		}
		String once = FormCodec.addParamsToQs(body, List.of());
		assertThat(FormCodec.addParamsToQs(once, List.of())).isEqualTo(once);
		assertThat(FormCodec.decode(once)).isEqualTo(pairs);
	}

	@Property
	void unquotePlusAgreesWithUrlDecoderOnWellFormedInput(@ForAll("validUnicode") String s) {
		String encoded = URLEncoder.encode(s, StandardCharsets.UTF_8);
		assertThat(FormCodec.unquotePlus(encoded)).isEqualTo(URLDecoder.decode(encoded, StandardCharsets.UTF_8))
			.isEqualTo(s);
	}

	/**
	 * The JDK decoder replaces like Python (one U+FFFD per maximal invalid subpart) except for UTF-8-encoded
	 * surrogates ({@code ED A0..BF ..}), where it emits one U+FFFD for the whole sequence and Python one per byte;
	 * those inputs are checked against Python by the vectors (X-BODY-08) instead.
	 */
	@Property
	void invalidUtf8BecomesReplacementCharactersLikeTheJdkDecoder(@ForAll byte[] bytes) {
		for (int i = 0; i + 1 < bytes.length; i++) {
			if ((bytes[i] & 0xFF) == 0xED && (bytes[i + 1] & 0xFF) >= 0xA0 && (bytes[i + 1] & 0xFF) <= 0xBF) {
				return;
			}
		}
		StringBuilder escaped = new StringBuilder();
		for (byte b : bytes) {
			escaped.append(String.format("%%%02X", b & 0xFF));
		}
		assertThat(FormCodec.unquote(escaped.toString())).isEqualTo(new String(bytes, StandardCharsets.UTF_8));
	}

	@Property
	void malformedEscapesSurviveLiterally(@ForAll @CharRange(from = 'g', to = 'z') char bad,
			@ForAll @IntRange(min = 0, max = 2) int hexDigits) {
		String escape = "%" + "A".repeat(hexDigits == 2 ? 1 : hexDigits) + bad;
		assertThat(FormCodec.unquote(escape)).isEqualTo(escape);
		assertThat(FormCodec.addParamsToQs("k=" + escape, List.of())).isEqualTo("k=" + escape.replace("%", "%25"));
	}

	@Provide
	Arbitrary<String> validUnicode() {
		Arbitrary<Integer> codePoints = Arbitraries.frequencyOf(
				net.jqwik.api.Tuple.of(5, Arbitraries.integers().between(0, 0x7F)),
				net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0x80, 0xD7FF)),
				net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0xE000, 0x10FFFF)));
		return codePoints.list().ofMaxSize(12).map((list) -> {
			StringBuilder out = new StringBuilder();
			list.forEach(out::appendCodePoint);
			return out.toString();
		});
	}

	@Provide
	Arbitrary<List<Map.Entry<String, String>>> pairs() {
		return Combinators.combine(validUnicode(), validUnicode())
			.as(Map::entry)
			.list()
			.ofMaxSize(5)
			.map(ArrayList::new);
	}

	@Provide
	Arbitrary<String> formish() {
		Arbitrary<String> pieces = Arbitraries.oneOf(validUnicode(), Arbitraries.of("&", "=", "+", "%", "%zz", "%C3",
				"%A9", "%e2%82", "%ED%A0%80", ";", "&&", "%7e", "%41"),
				Arbitraries.chars().range('\ud800', '\udfff').map(String::valueOf));
		return pieces.list().ofMaxSize(8).map((list) -> String.join("", list));
	}

}
