package io.github.oauthclient.core;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * Python's {@code str()} and {@code repr()} for the values a JSON token response can hold (None, bool, int,
 * float, str, list, dict). oauthlib formats non-string values with {@code str()} (a numeric error code, a
 * non-string {@code error_description}, non-string scope list elements), so the port needs the same text.
 */
final class PythonRepr {

	private static final String HEX = "0123456789abcdef";

	private PythonRepr() {
	}

	/** Python {@code str(value)}: strings verbatim, everything else as {@link #repr(Object)}. */
	static String str(Object value) {
		return (value instanceof String s) ? s : repr(value);
	}

	/** Python {@code repr(value)}. */
	static String repr(Object value) {
		StringBuilder out = new StringBuilder();
		appendRepr(out, value);
		return out.toString();
	}

	/** Python's type name of a value ({@code 'NoneType'}, {@code 'int'}, ...), as used in error messages. */
	static String typeName(Object value) {
		if (value == null) {
			return "NoneType";
		}
		if (value instanceof Boolean) {
			return "bool";
		}
		if (value instanceof Long || value instanceof Integer || value instanceof BigInteger) {
			return "int";
		}
		if (value instanceof Double || value instanceof Float) {
			return "float";
		}
		if (value instanceof CharSequence) {
			return "str";
		}
		if (value instanceof List) {
			return "list";
		}
		if (value instanceof Map) {
			return "dict";
		}
		return value.getClass().getSimpleName();
	}

	/** The JSON name of a value's type ({@code null}, {@code boolean}, {@code number}, ...), for messages. */
	static String jsonTypeName(Object value) {
		return switch (typeName(value)) {
			case "NoneType" -> "null";
			case "bool" -> "boolean";
			case "int", "float" -> "number";
			case "str" -> "string";
			case "list" -> "array";
			case "dict" -> "object";
			default -> value.getClass().getSimpleName();
		};
	}

	private static void appendRepr(StringBuilder out, Object value) {
		if (value == null) {
			out.append("None");
		}
		else if (value instanceof Boolean b) {
			out.append(b ? "True" : "False");
		}
		else if (value instanceof Double || value instanceof Float) {
			out.append(reprFloat(((Number) value).doubleValue()));
		}
		else if (value instanceof Number) {
			out.append(value);
		}
		else if (value instanceof CharSequence s) {
			appendStringRepr(out, s.toString());
		}
		else if (value instanceof List<?> list) {
			out.append('[');
			for (int i = 0; i < list.size(); i++) {
				if (i > 0) {
					out.append(", ");
				}
				appendRepr(out, list.get(i));
			}
			out.append(']');
		}
		else if (value instanceof Map<?, ?> map) {
			out.append('{');
			boolean first = true;
			for (Map.Entry<?, ?> e : map.entrySet()) {
				if (!first) {
					out.append(", ");
				}
				first = false;
				appendRepr(out, e.getKey());
				out.append(": ");
				appendRepr(out, e.getValue());
			}
			out.append('}');
		}
		else {
			out.append(value);
		}
	}

	private static void appendStringRepr(StringBuilder out, String s) {
		char quote = (s.indexOf('\'') >= 0 && s.indexOf('"') < 0) ? '"' : '\'';
		out.append(quote);
		for (int i = 0; i < s.length();) {
			int cp = s.codePointAt(i);
			i += Character.charCount(cp);
			if (cp == quote || cp == '\\') {
				out.append('\\').appendCodePoint(cp);
			}
			else if (cp == '\t') {
				out.append("\\t");
			}
			else if (cp == '\n') {
				out.append("\\n");
			}
			else if (cp == '\r') {
				out.append("\\r");
			}
			else if (cp < 0x20 || cp == 0x7F) {
				appendHex(out, "\\x", cp, 2);
			}
			else if (cp < 0x7F || isPrintable(cp)) {
				out.appendCodePoint(cp);
			}
			else if (cp <= 0xFF) {
				appendHex(out, "\\x", cp, 2);
			}
			else if (cp <= 0xFFFF) {
				appendHex(out, "\\u", cp, 4);
			}
			else {
				appendHex(out, "\\U", cp, 8);
			}
		}
		out.append(quote);
	}

	private static void appendHex(StringBuilder out, String prefix, int cp, int digits) {
		out.append(prefix);
		for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
			out.append(HEX.charAt((cp >> shift) & 0xF));
		}
	}

	/** {@code str.isprintable()} for a non-ASCII code point (Java's Unicode tables stand in for Python's). */
	private static boolean isPrintable(int cp) {
		switch (Character.getType(cp)) {
			case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
					Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
					Character.SPACE_SEPARATOR:
				return false;
			default:
				return true;
		}
	}

	/** Python {@code repr(float)}: the shortest string that round-trips, in Python's layout. */
	static String reprFloat(double d) {
		if (Double.isNaN(d)) {
			return "nan";
		}
		if (Double.isInfinite(d)) {
			return (d > 0) ? "inf" : "-inf";
		}
		if (d == 0) {
			return (1 / d < 0) ? "-0.0" : "0.0";
		}
		BigDecimal shortest = shortestRoundTrip(Math.abs(d)).stripTrailingZeros();
		String digits = shortest.unscaledValue().toString();
		int decpt = digits.length() - shortest.scale();
		StringBuilder out = new StringBuilder();
		if (d < 0) {
			out.append('-');
		}
		if (decpt > -4 && decpt <= 16) {
			if (decpt <= 0) {
				out.append("0.").append("0".repeat(-decpt)).append(digits);
			}
			else if (decpt >= digits.length()) {
				out.append(digits).append("0".repeat(decpt - digits.length())).append(".0");
			}
			else {
				out.append(digits, 0, decpt).append('.').append(digits, decpt, digits.length());
			}
		}
		else {
			out.append(digits.charAt(0));
			if (digits.length() > 1) {
				out.append('.').append(digits, 1, digits.length());
			}
			int exp = decpt - 1;
			out.append('e').append(exp < 0 ? '-' : '+');
			int abs = Math.abs(exp);
			if (abs < 10) {
				out.append('0');
			}
			out.append(abs);
		}
		return out.toString();
	}

	private static BigDecimal shortestRoundTrip(double d) {
		BigDecimal exact = new BigDecimal(d);
		for (int precision = 1; precision < 17; precision++) {
			BigDecimal nearest = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
			BigDecimal step = nearest.ulp();
			BigDecimal best = null;
			for (BigDecimal candidate : new BigDecimal[] { nearest, nearest.subtract(step), nearest.add(step) }) {
				if (candidate.signum() > 0 && candidate.doubleValue() == d && (best == null
						|| candidate.subtract(exact).abs().compareTo(best.subtract(exact).abs()) < 0)) {
					best = candidate;
				}
			}
			if (best != null) {
				return best;
			}
		}
		return exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
	}

}
