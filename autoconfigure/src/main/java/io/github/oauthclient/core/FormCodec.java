package io.github.oauthclient.core;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The {@code application/x-www-form-urlencoded} codec oauthlib uses, byte for byte: Python's
 * {@code urlencode}/{@code quote_plus} for writing and {@code parse_qsl}/{@code unquote} for reading.
 * <p>
 * It exists because the JDK's codec differs in exactly the places oauthlib's output depends on:
 * {@link java.net.URLEncoder} leaves {@code *} literal (Python writes {@code %2A}) and escapes {@code ~} (Python
 * leaves it), and {@link java.net.URLDecoder} throws on {@code %zz} where Python keeps it and replaces invalid
 * UTF-8 with U+FFFD. Encoding: {@code A-Z a-z 0-9 _ . - ~} stay literal, a space becomes {@code +}, every other
 * UTF-8 byte becomes {@code %XX} in upper-case hex; a lone surrogate raises {@link IllegalArgumentException}.
 * Decoding: only {@code &} separates pairs, empty segments are skipped, a segment without {@code =} is a name
 * with an empty value, only the first {@code =} splits, {@code +} is a space, and malformed escapes survive.
 */
public final class FormCodec {

	private static final char[] HEX = "0123456789ABCDEF".toCharArray();

	private FormCodec() {
	}

	/** Python {@code urlencode(params)}: {@code quotePlus(name)=quotePlus(value)} joined with {@code &}. */
	public static String encode(List<? extends Map.Entry<String, String>> params) {
		StringBuilder out = new StringBuilder(params.size() * 24);
		for (Map.Entry<String, String> param : params) {
			String name = param.getKey();
			String value = param.getValue();
			if (name == null || value == null) {
				throw new IllegalArgumentException("Form parameters need a non-null name and value (parameter "
						+ ((name == null) ? "<null>" : "'" + name + "'") + ")");
			}
			Utf8.requireEncodable(name, "A form parameter name");
			Utf8.requireEncodable(value, "The value of form parameter '" + name + "'");
			if (out.length() > 0) {
				out.append('&');
			}
			appendQuotePlus(out, name);
			out.append('=');
			appendQuotePlus(out, value);
		}
		return out.toString();
	}

	/** Python {@code quote_plus(s)} on the UTF-8 bytes of {@code s}. */
	public static String quotePlus(String s) {
		Utf8.requireEncodable(s, "The string");
		StringBuilder out = new StringBuilder(s.length() + 16);
		appendQuotePlus(out, s);
		return out.toString();
	}

	private static void appendQuotePlus(StringBuilder out, String s) {
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (isUnreserved(c)) {
				out.append(c);
			}
			else if (c == ' ') {
				out.append('+');
			}
			else if (c < 0x80) {
				appendEscape(out, c);
			}
			else {
				int cp = s.codePointAt(i);
				if (Character.isSupplementaryCodePoint(cp)) {
					i++;
				}
				for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
					appendEscape(out, b & 0xFF);
				}
			}
		}
	}

	private static boolean isUnreserved(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.'
				|| c == '-' || c == '~';
	}

	private static void appendEscape(StringBuilder out, int b) {
		out.append('%').append(HEX[b >> 4]).append(HEX[b & 0xF]);
	}

	/** Python {@code parse_qsl(qs, keep_blank_values=True)}; {@code null} reads as empty. */
	public static List<Map.Entry<String, String>> decode(String qs) {
		return decode(qs, true);
	}

	/**
	 * Python {@code parse_qsl(qs, keep_blank_values)}. Without {@code keepBlankValues}, pairs with an empty
	 * value and names without {@code =} are dropped (the token-response fallback decodes this way).
	 */
	public static List<Map.Entry<String, String>> decode(String qs, boolean keepBlankValues) {
		if (qs == null || qs.isEmpty()) {
			return List.of();
		}
		List<Map.Entry<String, String>> pairs = new ArrayList<>();
		int start = 0;
		while (start <= qs.length()) {
			int end = qs.indexOf('&', start);
			if (end < 0) {
				end = qs.length();
			}
			if (end > start) {
				addPair(pairs, qs.substring(start, end), keepBlankValues);
			}
			start = end + 1;
		}
		return Collections.unmodifiableList(pairs);
	}

	private static void addPair(List<Map.Entry<String, String>> pairs, String segment, boolean keepBlankValues) {
		int eq = segment.indexOf('=');
		String name = (eq < 0) ? segment : segment.substring(0, eq);
		String value = (eq < 0) ? "" : segment.substring(eq + 1);
		if (eq < 0 && !keepBlankValues) {
			return;
		}
		if (value.isEmpty() && !keepBlankValues) {
			return;
		}
		pairs.add(Map.entry(unquotePlus(name), unquotePlus(value)));
	}

	/** Python {@code unquote(s.replace("+", " "))}, the decoding {@code parse_qsl} applies to names and values. */
	public static String unquotePlus(String s) {
		return unquote(s.replace('+', ' '));
	}

	/**
	 * Python {@code unquote(s)}: {@code %XX} escapes in runs of ASCII characters are decoded as UTF-8 with
	 * replacement, malformed escapes stay literal, non-ASCII characters pass through unchanged.
	 */
	public static String unquote(String s) {
		if (s.indexOf('%') < 0) {
			return s;
		}
		StringBuilder out = new StringBuilder(s.length());
		byte[] run = new byte[s.length()];
		int i = 0;
		while (i < s.length()) {
			char c = s.charAt(i);
			if (c >= 0x80) {
				out.append(c);
				i++;
				continue;
			}
			int n = 0;
			while (i < s.length() && s.charAt(i) < 0x80) {
				char a = s.charAt(i);
				if (a == '%' && i + 2 < s.length() && hexValue(s.charAt(i + 1)) >= 0
						&& hexValue(s.charAt(i + 2)) >= 0) {
					run[n++] = (byte) ((hexValue(s.charAt(i + 1)) << 4) | hexValue(s.charAt(i + 2)));
					i += 3;
				}
				else {
					run[n++] = (byte) a;
					i++;
				}
			}
			Utf8.decodeReplacing(run, n, out);
		}
		return out.toString();
	}

	private static int hexValue(char c) {
		if (c >= '0' && c <= '9') {
			return c - '0';
		}
		if (c >= 'a' && c <= 'f') {
			return c - 'a' + 10;
		}
		if (c >= 'A' && c <= 'F') {
			return c - 'A' + 10;
		}
		return -1;
	}

	/** oauthlib's {@code add_params_to_qs(query, params)}: decode, append, re-encode (never de-duplicates). */
	public static String addParamsToQs(String query, List<? extends Map.Entry<String, String>> params) {
		List<Map.Entry<String, String>> all = new ArrayList<>(decode(query));
		all.addAll(params);
		return encode(all);
	}

	/**
	 * oauthlib's {@code add_params_to_uri(uri, params)}: the URI goes through Python's {@code urlparse} and
	 * {@code urlunparse} (so the scheme is lower-cased and an empty fragment or {@code ;} is dropped) and its query
	 * through {@link #addParamsToQs(String, List)}.
	 */
	public static String addParamsToUri(String uri, List<? extends Map.Entry<String, String>> params) {
		PythonUrl.Parts parts = PythonUrl.parse(uri);
		return parts.withQuery(addParamsToQs(parts.query(), params)).unparse();
	}

}
