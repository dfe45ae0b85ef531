package io.github.oauthclient.core;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Python's {@code int(value)} for the values a token response can hold. oauthlib runs {@code int()} on
 * {@code expires_in} and {@code expires_at}, so {@code " 3600 "}, {@code "+3600"}, {@code "3_600"}, Unicode
 * digits, {@code true} and {@code 3600.9} are all valid lifetimes, while {@code "3600.5"} and {@code "1e3"}
 * are not. Results are {@link Long} when they fit, otherwise {@link BigInteger}.
 */
final class PythonInt {

	/** CPython's default {@code sys.get_int_max_str_digits()}. */
	static final int MAX_STR_DIGITS = 4300;

	private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);

	private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

	private PythonInt() {
	}

	/** Why {@code int()} rejected a value; the message is Python's own. */
	static final class ConversionException extends RuntimeException {

		private final String pythonType;

		ConversionException(String pythonType, String message) {
			super(message, null, false, false);
			this.pythonType = pythonType;
		}

		/** The Python exception class ({@code ValueError}, {@code TypeError} or {@code OverflowError}). */
		String pythonType() {
			return this.pythonType;
		}

	}

	/** {@code int(value)}; throws {@link ConversionException} where Python raises. */
	static Number toInt(Object value) {
		if (value instanceof Boolean b) {
			return b ? 1L : 0L;
		}
		if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
			return ((Number) value).longValue();
		}
		if (value instanceof BigInteger big) {
			return normalize(big);
		}
		if (value instanceof Double || value instanceof Float) {
			return fromDouble(((Number) value).doubleValue());
		}
		if (value instanceof CharSequence s) {
			return fromString(s.toString());
		}
		throw new ConversionException("TypeError", "int() argument must be a string, a bytes-like object or a real "
				+ "number, not '" + PythonRepr.typeName(value) + "'");
	}

	/** {@code int(value)} or {@code null} when Python would raise (oauthlib's {@code try: ... except: None}). */
	static Number toIntOrNull(Object value) {
		try {
			return toInt(value);
		}
		catch (ConversionException ex) {
			return null;
		}
	}

	static Number fromDouble(double d) {
		if (Double.isNaN(d)) {
			throw new ConversionException("ValueError", "cannot convert float NaN to integer");
		}
		if (Double.isInfinite(d)) {
			throw new ConversionException("OverflowError", "cannot convert float infinity to integer");
		}
		if (Math.abs(d) < 0x1p62) {
			return (long) d;
		}
		return normalize(new BigDecimal(d).toBigInteger());
	}

	static Number normalize(BigInteger big) {
		return (big.compareTo(LONG_MIN) >= 0 && big.compareTo(LONG_MAX) <= 0) ? (Number) big.longValue() : big;
	}

	/** Converts a Python int ({@link Long} or {@link BigInteger}) to a double as Python's {@code float()} does. */
	static double toDouble(Number pythonInt) {
		if (pythonInt instanceof BigInteger big) {
			double d = big.doubleValue();
			if (Double.isInfinite(d)) {
				throw new ConversionException("OverflowError", "int too large to convert to float");
			}
			return d;
		}
		return pythonInt.doubleValue();
	}

	/** Python {@code int(str)} in base 10. */
	static Number fromString(String s) {
		int length = s.length();
		int i = 0;
		while (i < length && isIntSpace(s.codePointAt(i))) {
			i += Character.charCount(s.codePointAt(i));
		}
		boolean negative = false;
		if (i < length && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
			negative = s.charAt(i) == '-';
			i++;
		}
		StringBuilder digits = new StringBuilder(Math.min(length, 32));
		int previous = -1;
		boolean wellFormed = true;
		while (i < length) {
			int cp = s.codePointAt(i);
			int digit = decimalValue(cp);
			if (digit >= 0) {
				digits.append((char) ('0' + digit));
			}
			else if (cp == '_') {
				wellFormed &= previous != -1 && previous != '_';
			}
			else {
				break;
			}
			previous = (digit >= 0) ? '0' : cp;
			i += Character.charCount(cp);
		}
		if (digits.length() == 0 || !wellFormed || previous == '_') {
			throw invalidLiteral(s);
		}
		if (digits.length() > MAX_STR_DIGITS) {
			throw new ConversionException("ValueError", "Exceeds the limit (" + MAX_STR_DIGITS
					+ " digits) for integer string conversion: value has " + digits.length()
					+ " digits; use sys.set_int_max_str_digits() to increase the limit");
		}
		while (i < length && isIntSpace(s.codePointAt(i))) {
			i += Character.charCount(s.codePointAt(i));
		}
		if (i != length) {
			throw invalidLiteral(s);
		}
		if (digits.length() <= 18) {
			long v = Long.parseLong(digits.toString());
			return negative ? -v : v;
		}
		BigInteger big = new BigInteger(digits.toString());
		return normalize(negative ? big.negate() : big);
	}

	private static ConversionException invalidLiteral(String s) {
		return new ConversionException("ValueError", "invalid literal for int() with base 10: " + PythonRepr.repr(s));
	}

	/**
	 * Whitespace {@code int()} skips: ASCII {@code " \t\n\v\f\r"} and non-ASCII Unicode whitespace (CPython
	 * maps the latter to a space first; ASCII {@code \x1c-\x1f} stay and are rejected).
	 */
	private static boolean isIntSpace(int cp) {
		if (cp < 0x80) {
			return cp == ' ' || (cp >= 0x09 && cp <= 0x0D);
		}
		return PythonText.isNonAsciiSpace(cp);
	}

	private static int decimalValue(int cp) {
		if (cp >= '0' && cp <= '9') {
			return cp - '0';
		}
		if (cp < 0x80 || Character.getType(cp) != Character.DECIMAL_DIGIT_NUMBER) {
			return -1;
		}
		return Character.digit(cp, 10);
	}

}
