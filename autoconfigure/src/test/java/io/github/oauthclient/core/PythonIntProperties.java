package io.github.oauthclient.core;

import java.math.BigInteger;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of Python's {@code int()} and {@code repr(float)} as the port implements them: decimal strings in
 * every accepted spelling (padding, sign, digit underscores, non-ASCII digits) read back to the same number, floats
 * truncate toward zero, and the shortest float repr round-trips.
 */
class PythonIntProperties {

	@Property
	void decimalStringsReadBack(@ForAll long n) {
		assertThat(PythonInt.fromString(Long.toString(n))).isEqualTo(n);
		assertThat(PythonInt.fromString(" \t" + n + "\u00a0\n")).isEqualTo(n);
	}

	@Property
	void bigDecimalStringsReadBack(@ForAll BigInteger n) {
		assertThat(PythonInt.fromString(n.toString())).isEqualTo(PythonInt.normalize(n));
	}

	@Property
	void underscoresBetweenDigitsAreIgnored(@ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int n,
			@ForAll @IntRange(min = 1, max = 9) int every) {
		String digits = Integer.toString(n);
		StringBuilder spelled = new StringBuilder();
		for (int i = 0; i < digits.length(); i++) {
			if (i > 0 && i % every == 0) {
				spelled.append('_');
			}
			spelled.append(digits.charAt(i));
		}
		assertThat(PythonInt.fromString("+" + spelled)).isEqualTo((long) n);
	}

	@Property
	void nonAsciiDecimalDigitsCount(@ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int n) {
		String arabicIndic = Integer.toString(n).chars()
			.collect(StringBuilder::new, (sb, c) -> sb.append((char) (0x0660 + c - '0')), StringBuilder::append)
			.toString();
		assertThat(PythonInt.fromString(arabicIndic)).isEqualTo((long) n);
	}

	@Property
	void floatsTruncateTowardZero(@ForAll @DoubleRange(min = -1e15, max = 1e15) double d) {
		assertThat(PythonInt.toInt(d)).isEqualTo((long) d);
	}

	@Property
	void floatReprRoundTripsAndIsNoLongerThanJavas(@ForAll double d) {
		String repr = PythonRepr.reprFloat(d);
		if (Double.isFinite(d)) {
			assertThat(Double.parseDouble(repr)).isEqualTo(d);
			String mantissa = repr.replaceFirst("^-", "").replaceFirst("e.*$", "").replace(".", "")
				.replaceFirst("^0+", "").replaceFirst("0+$", "");
			assertThat(mantissa.length()).isLessThanOrEqualTo(17);
		}
	}

}
