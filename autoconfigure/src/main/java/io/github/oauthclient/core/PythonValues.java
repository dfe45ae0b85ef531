package io.github.oauthclient.core;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Python data model the port mirrors: which values are "falsy" (oauthlib drops falsy parameters) and the
 * deep, immutable copies of caller-supplied token maps, restricted to what JSON can express.
 */
final class PythonValues {

	private PythonValues() {
	}

	/** Python {@code bool(value)} for JSON-like values. */
	static boolean isTruthy(Object value) {
		if (value == null) {
			return false;
		}
		if (value instanceof Boolean b) {
			return b;
		}
		if (value instanceof CharSequence s) {
			return s.length() > 0;
		}
		if (value instanceof Double || value instanceof Float) {
			return ((Number) value).doubleValue() != 0.0;
		}
		if (value instanceof BigInteger big) {
			return big.signum() != 0;
		}
		if (value instanceof Number n) {
			return n.longValue() != 0;
		}
		if (value instanceof Collection<?> c) {
			return !c.isEmpty();
		}
		if (value instanceof Map<?, ?> m) {
			return !m.isEmpty();
		}
		return true;
	}

	/**
	 * Deep, unmodifiable copy of a caller's token-like map (insertion order kept, {@code null} values allowed).
	 * Values must be JSON-like: {@code null}, {@link String}, {@link Boolean}, integral numbers (copied as
	 * {@link Long} or {@link BigInteger}), {@link Double}/{@link Float} (as {@link Double}), collections and maps
	 * with string keys.
	 * @throws IllegalArgumentException naming {@code what} and the key for anything else
	 */
	static Map<String, Object> freezeMap(Map<String, ?> map, String what) {
		if (map == null) {
			return Map.of();
		}
		Map<String, Object> copy = new LinkedHashMap<>();
		for (Map.Entry<String, ?> e : map.entrySet()) {
			if (e.getKey() == null) {
				throw new IllegalArgumentException(what + " must not contain a null key");
			}
			copy.put(e.getKey(), freeze(e.getValue(), what + " entry '" + e.getKey() + "'"));
		}
		return Collections.unmodifiableMap(copy);
	}

	@SuppressWarnings("unchecked")
	private static Object freeze(Object value, String what) {
		if (value == null || value instanceof String || value instanceof Boolean || value instanceof Long
				|| value instanceof Double) {
			return value;
		}
		if (value instanceof CharSequence s) {
			return s.toString();
		}
		if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
			return ((Number) value).longValue();
		}
		if (value instanceof BigInteger big) {
			return PythonInt.normalize(big);
		}
		if (value instanceof Float f) {
			return f.doubleValue();
		}
		if (value instanceof Collection<?> c) {
			List<Object> list = new ArrayList<>(c.size());
			for (Object element : c) {
				list.add(freeze(element, what));
			}
			return Collections.unmodifiableList(list);
		}
		if (value instanceof Map<?, ?> m) {
			Map<String, Object> copy = new LinkedHashMap<>();
			for (Map.Entry<?, ?> e : m.entrySet()) {
				if (!(e.getKey() instanceof String key)) {
					throw new IllegalArgumentException(what + " has a non-string key");
				}
				copy.put(key, freeze(e.getValue(), what));
			}
			return Collections.unmodifiableMap(copy);
		}
		throw new IllegalArgumentException(what + " has a value of type " + value.getClass().getName()
				+ "; token values must be JSON-like (null, String, Boolean, Number, List, Map)");
	}

}
