package io.github.oauthclient.core;

/**
 * Python {@code str} predicates that oauthlib's behaviour depends on and that differ from Java's
 * ({@link Character#isWhitespace(int)} is not {@code str.isspace()}, {@link String#strip()} is not
 * {@code str.strip()}, {@code regionMatches(ignoreCase)} is not {@code lower().startswith()}).
 */
final class PythonText {

	private PythonText() {
	}

	/** {@code str.isspace()} for one code point (Unicode White_Space plus the ASCII separators). */
	static boolean isSpace(int cp) {
		if (cp < 0x80) {
			return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x1F);
		}
		return isNonAsciiSpace(cp);
	}

	/** The non-ASCII code points Python treats as whitespace. */
	static boolean isNonAsciiSpace(int cp) {
		return cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028
				|| cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
	}

	/** {@code s.strip()} with Python's whitespace definition. */
	static String strip(String s) {
		int start = 0;
		int end = s.length();
		while (start < end) {
			int cp = s.codePointAt(start);
			if (!isSpace(cp)) {
				break;
			}
			start += Character.charCount(cp);
		}
		while (end > start) {
			int cp = s.codePointBefore(end);
			if (!isSpace(cp)) {
				break;
			}
			end -= Character.charCount(cp);
		}
		return s.substring(start, end);
	}

	/**
	 * {@code s.lower().startswith(prefix)} for an ASCII lower-case prefix. Only ASCII letters lower-case to
	 * ASCII letters in Python, so non-ASCII characters never match (unlike Java's case-insensitive
	 * {@code regionMatches}, which folds {@code U+017F} to {@code s}).
	 */
	static boolean lowerStartsWith(String s, String asciiLowerPrefix) {
		if (s.length() < asciiLowerPrefix.length()) {
			return false;
		}
		for (int i = 0; i < asciiLowerPrefix.length(); i++) {
			char c = s.charAt(i);
			if (c >= 'A' && c <= 'Z') {
				c = (char) (c + ('a' - 'A'));
			}
			if (c != asciiLowerPrefix.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * {@code s.lower() == asciiLower} for an ASCII lower-case target, without allocating. Exact for targets made of
	 * the letters, digits and dashes used here: no non-ASCII character lower-cases to one of them in Python (the
	 * Kelvin sign gives {@code k}, {@code U+0130} gives {@code i} plus a combining dot).
	 */
	static boolean lowerEquals(String s, String asciiLower) {
		return s.length() == asciiLower.length() && lowerStartsWith(s, asciiLower);
	}

	/** Orders strings by code point, as Python's {@code sorted()} does (UTF-16 order differs above U+FFFF). */
	static int compareCodePoints(String a, String b) {
		int i = 0;
		int j = 0;
		while (i < a.length() && j < b.length()) {
			int ca = a.codePointAt(i);
			int cb = b.codePointAt(j);
			if (ca != cb) {
				return Integer.compare(ca, cb);
			}
			i += Character.charCount(ca);
			j += Character.charCount(cb);
		}
		return Boolean.compare(i < a.length(), j < b.length());
	}

}
