package io.github.oauthclient.core;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The value markers of the vector format: inputs {@code {"$tuple": [...]}}, {@code {"$set": [...]}},
 * {@code {"$float": "nan"}}, {@code {"$now_plus": n}} (seconds after the frozen epoch second 1700000000, as a
 * float); expected values {@code {"$now_plus": n, "py_type": "int"|"float"}}. Equality is Python's, but typed:
 * an expected int must be a Java {@link Long}/{@link BigInteger}, an expected float a {@link Double}.
 */
final class PythonValuesInVectors {

	static final long BASE = 1_700_000_000L;

	private PythonValuesInVectors() {
	}

	/** Thrown for an input the Java API cannot express (a Python-only value). */
	static final class PythonOnlyInput extends RuntimeException {

		PythonOnlyInput(String why) {
			super(why, null, false, false);
		}

	}

	/** Decodes input markers; sets become {@link LinkedHashSet}s, tuples lists. */
	@SuppressWarnings("unchecked")
	static Object decode(Object value) {
		if (value instanceof Map<?, ?> map) {
			if (map.size() == 1 && map.containsKey("$tuple")) {
				return decodeList((List<Object>) map.get("$tuple"));
			}
			if (map.size() == 1 && map.containsKey("$set")) {
				return new LinkedHashSet<>(decodeList((List<Object>) map.get("$set")));
			}
			if (map.size() == 1 && map.containsKey("$float")) {
				return parseFloat(map.get("$float"));
			}
			if (map.containsKey("$now_plus")) {
				Object n = map.get("$now_plus");
				if ("int".equals(map.get("py_type"))) {
					return PythonInt.normalize(BigInteger.valueOf(BASE).add(toBig(n)));
				}
				return BASE + ((Number) n).doubleValue();
			}
			Map<String, Object> out = new LinkedHashMap<>();
			for (Map.Entry<?, ?> e : map.entrySet()) {
				out.put((String) e.getKey(), decode(e.getValue()));
			}
			return out;
		}
		if (value instanceof List<?> list) {
			return decodeList((List<Object>) list);
		}
		return value;
	}

	private static List<Object> decodeList(List<Object> list) {
		List<Object> out = new ArrayList<>(list.size());
		for (Object element : list) {
			out.add(decode(element));
		}
		return out;
	}

	private static Object parseFloat(Object spec) {
		if (spec instanceof Number n) {
			return n.doubleValue();
		}
		String s = ((String) spec).trim().toLowerCase(java.util.Locale.ROOT);
		return switch (s) {
			case "nan", "-nan" -> Double.NaN;
			case "inf", "infinity", "+inf" -> Double.POSITIVE_INFINITY;
			case "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
			default -> Double.parseDouble(s);
		};
	}

	private static BigInteger toBig(Object n) {
		return (n instanceof BigInteger b) ? b : BigInteger.valueOf(((Number) n).longValue());
	}

	/** Null when {@code actual} equals {@code expected} (markers resolved), else a description of the difference. */
	static String difference(Object expected, Object actual) {
		return difference("", expected, actual);
	}

	private static String difference(String path, Object expected, Object actual) {
		if (expected instanceof Map<?, ?> marker && marker.containsKey("$now_plus")) {
			Object want = decode(marker);
			if (!sameNumber(want, actual)) {
				return path + ": expected " + describe(want) + " but was " + describe(actual);
			}
			return null;
		}
		if (expected instanceof Map<?, ?> map) {
			if (!(actual instanceof Map<?, ?> got)) {
				return path + ": expected a dict but was " + describe(actual);
			}
			if (!new ArrayList<>(map.keySet()).equals(new ArrayList<>(got.keySet()))) {
				return path + ": keys " + map.keySet() + " expected but were " + got.keySet();
			}
			for (Map.Entry<?, ?> e : map.entrySet()) {
				String diff = difference(path + "." + e.getKey(), e.getValue(), got.get(e.getKey()));
				if (diff != null) {
					return diff;
				}
			}
			return null;
		}
		if (expected instanceof List<?> list) {
			if (!(actual instanceof List<?> got) || got.size() != list.size()) {
				return path + ": expected " + describe(expected) + " but was " + describe(actual);
			}
			for (int i = 0; i < list.size(); i++) {
				String diff = difference(path + "[" + i + "]", list.get(i), got.get(i));
				if (diff != null) {
					return diff;
				}
			}
			return null;
		}
		if (expected instanceof Number || expected instanceof Boolean) {
			return sameNumber(expected, actual) ? null
					: path + ": expected " + describe(expected) + " but was " + describe(actual);
		}
		return java.util.Objects.equals(expected, actual) ? null
				: path + ": expected " + describe(expected) + " but was " + describe(actual);
	}

	private static boolean sameNumber(Object expected, Object actual) {
		if (expected instanceof Boolean || actual instanceof Boolean) {
			return java.util.Objects.equals(expected, actual);
		}
		if (expected instanceof Double d) {
			return (actual instanceof Double a) && (a.equals(d));
		}
		if (expected instanceof Number e && (actual instanceof Long || actual instanceof BigInteger)) {
			return toBig(e).equals(toBig(actual));
		}
		return false;
	}

	static String describe(Object value) {
		return (value == null) ? "None" : PythonRepr.repr(value) + " (" + value.getClass().getSimpleName() + ")";
	}

}
