package io.github.oauthclient.core;

import java.util.List;
import java.util.Map;

/**
 * A tiny JSON writer for test inputs handed to Python: every non-ASCII character (including lone surrogates,
 * which a UTF-8 encoder would mangle) is written as a {@code \\uXXXX} escape, which Python's {@code json} reads
 * back exactly.
 */
final class JsonText {

	private JsonText() {
	}

	static String write(Object value) {
		StringBuilder out = new StringBuilder();
		append(out, value);
		return out.toString();
	}

	static void append(StringBuilder out, Object value) {
		if (value == null) {
			out.append("null");
		}
		else if (value instanceof Boolean || value instanceof Long || value instanceof Integer) {
			out.append(value);
		}
		else if (value instanceof Double d) {
			out.append(Double.isFinite(d) ? PythonRepr.reprFloat(d) : d.isNaN() ? "NaN" : (d > 0) ? "Infinity"
					: "-Infinity");
		}
		else if (value instanceof Number n) {
			out.append(n);
		}
		else if (value instanceof String s) {
			appendString(out, s);
		}
		else if (value instanceof List<?> list) {
			out.append('[');
			for (int i = 0; i < list.size(); i++) {
				if (i > 0) {
					out.append(',');
				}
				append(out, list.get(i));
			}
			out.append(']');
		}
		else if (value instanceof Map<?, ?> map) {
			out.append('{');
			boolean first = true;
			for (Map.Entry<?, ?> e : map.entrySet()) {
				if (!first) {
					out.append(',');
				}
				first = false;
				appendString(out, (String) e.getKey());
				out.append(':');
				append(out, e.getValue());
			}
			out.append('}');
		}
		else {
			throw new IllegalArgumentException("not JSON: " + value.getClass());
		}
	}

	static void appendString(StringBuilder out, String s) {
		out.append('"');
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c == '"' || c == '\\') {
				out.append('\\').append(c);
			}
			else if (c >= 0x20 && c < 0x7F) {
				out.append(c);
			}
			else {
				out.append(String.format("\\u%04x", (int) c));
			}
		}
		out.append('"');
	}

}
