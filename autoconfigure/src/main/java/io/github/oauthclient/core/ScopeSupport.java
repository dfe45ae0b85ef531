package io.github.oauthclient.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * oauthlib's scope conversions ({@code list_to_scope}, {@code scope_to_list}) and the set arithmetic of its
 * {@code OAuth2Token}. A requested scope is either a {@link String} (sent verbatim, split on single spaces after
 * a strip when compared) or a list of strings (joined with single spaces, empty elements kept).
 */
final class ScopeSupport {

	private ScopeSupport() {
	}

	/** A response {@code scope} value Python's {@code scope_to_list} would crash on. */
	static final class UnsupportedScopeException extends RuntimeException {

		UnsupportedScopeException(String message) {
			super(message, null, false, false);
		}

	}

	/**
	 * Copies a caller's scope collection into an unmodifiable list.
	 * @throws IllegalArgumentException for a null element (Python would send the text {@code None})
	 */
	static List<String> copyRequested(Collection<String> scope, String what) {
		List<String> copy = new ArrayList<>(scope.size());
		for (String s : scope) {
			if (s == null) {
				throw new IllegalArgumentException(what + " must not contain null elements");
			}
			copy.add(s);
		}
		return Collections.unmodifiableList(copy);
	}

	/** {@code list_to_scope}: null and strings unchanged, lists joined with single spaces. */
	static String listToScope(Object scope) {
		if (scope == null || scope instanceof String) {
			return (String) scope;
		}
		List<?> list = (List<?>) scope;
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < list.size(); i++) {
			if (i > 0) {
				out.append(' ');
			}
			out.append(PythonRepr.str(list.get(i)));
		}
		return out.toString();
	}

	/**
	 * {@code scope_to_list} for a JSON value: lists element-wise through Python {@code str()}, strings
	 * {@code strip().split(" ")}, null stays null.
	 * @throws UnsupportedScopeException for numbers, booleans and objects (Python: AttributeError)
	 */
	static List<String> scopeToList(Object scope) {
		if (scope == null) {
			return null;
		}
		if (scope instanceof List<?> list) {
			List<String> out = new ArrayList<>(list.size());
			for (Object element : list) {
				out.add(PythonRepr.str(element));
			}
			return Collections.unmodifiableList(out);
		}
		if (scope instanceof String s) {
			return splitOnSpaces(PythonText.strip(s));
		}
		throw new UnsupportedScopeException("'" + PythonRepr.typeName(scope) + "' object has no attribute 'strip'");
	}

	/** Python {@code s.split(" ")}: every single space separates, so empty strings survive. */
	static List<String> splitOnSpaces(String s) {
		List<String> out = new ArrayList<>();
		int start = 0;
		for (int i = s.indexOf(' '); i >= 0; i = s.indexOf(' ', start)) {
			out.add(s.substring(start, i));
			start = i + 1;
		}
		out.add(s.substring(start));
		return Collections.unmodifiableList(out);
	}

	/** A scope set for presentation: distinct, in code-point order (Python's set order is unspecified). */
	static List<String> sortedSet(Collection<String> scopes) {
		if (scopes == null) {
			return null;
		}
		List<String> out = new ArrayList<>(new LinkedHashSet<>(scopes));
		out.sort(PythonText::compareCodePoints);
		return Collections.unmodifiableList(out);
	}

	/** {@code a - b} as a sorted list. */
	static List<String> difference(List<String> a, List<String> b) {
		Set<String> result = new LinkedHashSet<>(a);
		result.removeAll(b);
		return sortedSet(result);
	}

	/** {@code " ".join(set)} in the sorted presentation order, null for no set. */
	static String join(List<String> sortedSet) {
		return (sortedSet != null) ? String.join(" ", sortedSet) : null;
	}

}
