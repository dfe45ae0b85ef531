package io.github.oauthclient.core;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Python's int(), repr() and json.loads as the port mirrors them (spec sections 5.1 and 5.2). */
class PythonSemanticsTest {

	@Test
	void intAcceptsPythonsSpellings() {
		assertThat(PythonInt.toInt(" 3600 ")).isEqualTo(3600L);
		assertThat(PythonInt.toInt("+3600")).isEqualTo(3600L);
		assertThat(PythonInt.toInt("3_600")).isEqualTo(3600L);
		assertThat(PythonInt.toInt("\u0663\u0666\u0660\u0660")).isEqualTo(3600L);
		assertThat(PythonInt.toInt(3600.9)).isEqualTo(3600L);
		assertThat(PythonInt.toInt(-0.5)).isEqualTo(0L);
		assertThat(PythonInt.toInt(true)).isEqualTo(1L);
		assertThat(PythonInt.toInt("123456789012345678901234567890"))
			.isEqualTo(new BigInteger("123456789012345678901234567890"));
	}

	@Test
	void intRejectsWithPythonsMessages() {
		assertThatExceptionOfType(PythonInt.ConversionException.class).isThrownBy(() -> PythonInt.toInt("3600.5"))
			.withMessage("invalid literal for int() with base 10: '3600.5'");
		assertThatExceptionOfType(PythonInt.ConversionException.class).isThrownBy(() -> PythonInt.toInt("\u001c36"))
			.withMessage("invalid literal for int() with base 10: '\\x1c36'");
		assertThatExceptionOfType(PythonInt.ConversionException.class).isThrownBy(() -> PythonInt.toInt(Double.NaN))
			.withMessage("cannot convert float NaN to integer");
		assertThatExceptionOfType(PythonInt.ConversionException.class)
			.isThrownBy(() -> PythonInt.toInt(Double.POSITIVE_INFINITY))
			.withMessage("cannot convert float infinity to integer")
			.satisfies((ex) -> assertThat(ex.pythonType()).isEqualTo("OverflowError"));
		assertThatExceptionOfType(PythonInt.ConversionException.class).isThrownBy(() -> PythonInt.toInt(List.of(1)))
			.withMessageEndingWith("not 'list'");
	}

	@Test
	void reprMatchesPython() {
		assertThat(PythonRepr.str(List.of(1L, true, Map.of("a", 1e16), "x'", 1e-5, 2.5)))
			.isEqualTo("[1, True, {'a': 1e+16}, \"x'\", 1e-05, 2.5]");
		assertThat(PythonRepr.repr("a\u00a0\u200b\ud800\ud83d\ude00\n")).isEqualTo("'a\\xa0\\u200b\\ud800\ud83d\ude00\\n'");
		assertThat(PythonRepr.reprFloat(3000.0)).isEqualTo("3000.0");
		assertThat(PythonRepr.reprFloat(0.1)).isEqualTo("0.1");
		assertThat(PythonRepr.reprFloat(1e22)).isEqualTo("1e+22");
		assertThat(PythonRepr.reprFloat(123456789012345678.0)).isEqualTo("1.2345678901234568e+17");
	}

	@Test
	void jsonLikePython() {
		PythonJson.Result dupes = PythonJson.parse("{\"a\":1,\"b\":2,\"a\":3}");
		assertThat(dupes.value()).isEqualTo(Map.of("a", 3L, "b", 2L));
		assertThat(new java.util.ArrayList<Object>(((Map<?, ?>) dupes.value()).keySet())).containsExactly("a", "b");
		assertThat(new java.util.ArrayList<Object>(((Map<?, ?>) PythonJson.parse("{\"x\":NaN,\"y\":-Infinity,\"z\":1e400}").value()).values()))
			.containsExactly(Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
		assertThat(PythonJson.parse("123456789012345678901234567890").value())
			.isEqualTo(new BigInteger("123456789012345678901234567890"));
		assertThat(PythonJson.parse(" [1.0, -0] ").value()).isEqualTo(List.of(1.0, 0L));
		for (String notJson : List.of("", "  ", "\ufeff{}", "{} x", "{}}", "+1", "nan", "-INF", "+Infinity", "01",
				"[1,]", "{'a':1}", "{\"a\":\"\u0001\"}")) {
			assertThat(PythonJson.parse(notJson).isJson()).as(notJson).isFalse();
		}
		assertThat(PythonJson.parse("[".repeat(2000) + "]".repeat(2000)).tooDeep()).isTrue();
	}

}
