package io.github.oauthclient.core;

/**
 * UTF-8 as Python's codec does it: decoding with {@code errors="replace"} (one U+FFFD per maximal invalid
 * subpart, exactly CPython's count) and encoding that refuses lone surrogates instead of silently writing
 * {@code ?} as {@link java.nio.charset.StandardCharsets#UTF_8} would.
 */
final class Utf8 {

	private Utf8() {
	}

	/** Thrown for a lone UTF-16 surrogate, which has no UTF-8 encoding. */
	static final class UnencodableException extends IllegalArgumentException {

		UnencodableException(String message) {
			super(message);
		}

	}

	/** Index (in chars) of the first lone surrogate in {@code s}, or -1. */
	static int indexOfLoneSurrogate(String s) {
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (Character.isHighSurrogate(c)) {
				if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
					i++;
					continue;
				}
				return i;
			}
			if (Character.isLowSurrogate(c)) {
				return i;
			}
		}
		return -1;
	}

	/** Throws {@link UnencodableException} naming {@code what} if {@code s} holds a lone surrogate. */
	static void requireEncodable(String s, String what) {
		int index = indexOfLoneSurrogate(s);
		if (index >= 0) {
			throw new UnencodableException(what + " contains a lone UTF-16 surrogate " + String.format("U+%04X",
					(int) s.charAt(index)) + " at index " + index
					+ ", which cannot be encoded as UTF-8 (Python raises UnicodeEncodeError)");
		}
	}

	/** Appends the decoding of {@code bytes[0..length)} with Python's {@code errors="replace"}. */
	static void decodeReplacing(byte[] bytes, int length, StringBuilder out) {
		int i = 0;
		while (i < length) {
			int b0 = bytes[i] & 0xFF;
			if (b0 < 0x80) {
				out.append((char) b0);
				i++;
				continue;
			}
			int needed;
			int lower = 0x80;
			int upper = 0xBF;
			int cp;
			if (b0 >= 0xC2 && b0 <= 0xDF) {
				needed = 1;
				cp = b0 & 0x1F;
			}
			else if (b0 >= 0xE0 && b0 <= 0xEF) {
				needed = 2;
				cp = b0 & 0x0F;
				if (b0 == 0xE0) {
					lower = 0xA0;
				}
				else if (b0 == 0xED) {
					upper = 0x9F;
				}
			}
			else if (b0 >= 0xF0 && b0 <= 0xF4) {
				needed = 3;
				cp = b0 & 0x07;
				if (b0 == 0xF0) {
					lower = 0x90;
				}
				else if (b0 == 0xF4) {
					upper = 0x8F;
				}
			}
			else {
				out.append('\uFFFD');
				i++;
				continue;
			}
			int j = i + 1;
			boolean complete = true;
			for (int k = 0; k < needed; k++, j++) {
				int b = (j < length) ? bytes[j] & 0xFF : -1;
				int lo = (k == 0) ? lower : 0x80;
				int hi = (k == 0) ? upper : 0xBF;
				if (b < lo || b > hi) {
					complete = false;
					break;
				}
				cp = (cp << 6) | (b & 0x3F);
			}
			if (complete) {
				out.appendCodePoint(cp);
			}
			else {
				out.append('\uFFFD');
			}
			i = j;
		}
	}

}
