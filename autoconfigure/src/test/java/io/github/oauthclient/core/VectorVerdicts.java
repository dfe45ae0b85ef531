package io.github.oauthclient.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Judges a Java outcome against a recorded oauthlib expectation. "Passed" means the same value, or the same
 * error under its Java name (oauthlib's {@code XyzError} is our {@code XyzException}, Python's {@code ValueError}
 * with an oauthlib message is an {@link IllegalArgumentException}/{@link IllegalStateException} with that message,
 * {@code Warning} is {@link ScopeChangedException}, {@code NotImplementedError} is
 * {@link UnsupportedOperationException}), and the same client state afterwards. "Diverged" is allowed only under
 * the written rules:
 * <ul>
 * <li>R1: a Python runtime crash ({@code TypeError}, {@code AttributeError}, {@code UnicodeEncodeError},
 * {@code OverflowError}, {@code RecursionError}, a {@code ValueError} from {@code int()}/{@code dict()}) is a
 * {@link MalformedTokenResponseException} or an {@link IllegalArgumentException}/{@link IllegalStateException}.</li>
 * <li>R2: {@code invalid_request} is {@link InvalidRequestException} (oauthlib: {@code InvalidClientIdError}).</li>
 * <li>R3: Python-only inputs (non-string extras, non-boolean {@code include_client_id}, set iteration order, ints
 * as scopes, a missing positional argument) cannot be expressed in Java; where Java can run a counterpart, it
 * must reject it with {@link IllegalArgumentException} or produce the same result.</li>
 * <li>R4: a token response that is JSON but not an object is a {@link MalformedTokenResponseException}.</li>
 * <li>R5: non-string token fields ({@code access_token}, {@code token_type}, ...) are rejected up front.</li>
 * <li>R6: token placement names are typed, so an invalid name fails when converted, before {@code add_token}'s
 * other checks.</li>
 * </ul>
 */
final class VectorVerdicts {

	enum Kind {

		PASSED, FAILED, DIVERGED

	}

	record Verdict(String id, Kind kind, String detail) {
	}

	private static final Set<String> CRASHES = Set.of("TypeError", "AttributeError", "UnicodeEncodeError",
			"UnicodeDecodeError", "OverflowError", "RecursionError", "KeyError", "IndexError");

	/**
	 * ValueErrors that are Python runtime errors rather than oauthlib's own checks ({@code int()}, {@code dict()},
	 * and urllib's netloc check, whose message would quote a URL's user:password and is therefore not copied).
	 */
	private static final List<String> CRASH_VALUE_ERRORS = List.of("invalid literal for int()",
			"cannot convert float NaN to integer", "Exceeds the limit (", "dictionary update sequence element",
			"netloc '");

	private static final Map<String, Class<? extends OAuth2Exception>> JAVA_CLASSES = Map.ofEntries(
			Map.entry("AccessDeniedError", AccessDeniedException.class),
			Map.entry("ConsentRequired", ConsentRequiredException.class),
			Map.entry("InsecureTransportError", InsecureTransportException.class),
			Map.entry("InsufficientScopeError", InsufficientScopeException.class),
			Map.entry("InvalidClientError", InvalidClientException.class),
			Map.entry("InvalidGrantError", InvalidGrantException.class),
			Map.entry("InvalidRequestError", InvalidRequestException.class),
			Map.entry("InvalidScopeError", InvalidScopeException.class),
			Map.entry("InvalidTokenError", InvalidTokenException.class),
			Map.entry("LoginRequired", LoginRequiredException.class),
			Map.entry("MismatchingStateError", MismatchingStateException.class),
			Map.entry("MissingCodeError", MissingCodeException.class),
			Map.entry("MissingTokenError", MissingTokenException.class),
			Map.entry("MissingTokenTypeError", MissingTokenTypeException.class),
			Map.entry("ServerError", ServerErrorException.class),
			Map.entry("TemporarilyUnavailableError", TemporarilyUnavailableException.class),
			Map.entry("TokenExpiredError", TokenExpiredException.class),
			Map.entry("UnauthorizedClientError", UnauthorizedClientException.class),
			Map.entry("UnsupportedGrantTypeError", UnsupportedGrantTypeException.class),
			Map.entry("UnsupportedResponseTypeError", UnsupportedResponseTypeException.class),
			Map.entry("UnsupportedTokenTypeError", UnsupportedTokenTypeException.class),
			Map.entry("CustomOAuth2Error", CustomOAuth2Exception.class));

	private static final Pattern SCOPE_MESSAGE = Pattern.compile("Scope has changed from \"(.*)\" to \"(.*)\"\\.",
			Pattern.DOTALL);

	private VectorVerdicts() {
	}

	static Verdict passed(String id) {
		return new Verdict(id, Kind.PASSED, "");
	}

	static Verdict failed(String id, String detail) {
		return new Verdict(id, Kind.FAILED, detail);
	}

	static Verdict diverged(String id, String rule) {
		return new Verdict(id, Kind.DIVERGED, rule);
	}

	@SuppressWarnings("unchecked")
	static Verdict judge(String id, String op, Map<String, Object> expect, VectorRunner.Outcome outcome,
			VectorRunner runner, Map<String, Object> args) {
		Verdict verdict = expect.containsKey("ok") ? judgeOk(id, op, expect, outcome, runner, args)
				: judgeError(id, op, expect, outcome, runner);
		if (verdict.kind() != Kind.PASSED) {
			return verdict;
		}
		if (runner.client != null && expect.get("client") instanceof Map) {
			String diff = PythonValuesInVectors.difference(expect.get("client"), snapshot(runner.client.snapshot()));
			if (diff != null) {
				return failed(id, "client state differs: " + diff);
			}
		}
		String signalDiff = signalDifference((List<Object>) expect.getOrDefault("signals", List.of()),
				runner.signals());
		return (signalDiff != null) ? failed(id, "signals differ: " + signalDiff) : verdict;
	}

	private static Verdict judgeOk(String id, String op, Map<String, Object> expect, VectorRunner.Outcome outcome,
			VectorRunner runner, Map<String, Object> args) {
		VectorRunner.Translation t = runner.translation;
		RuntimeException ex = outcome.error();
		if (ex != null) {
			if (t.nonStringExtras != null && isPlainArgumentError(ex)) {
				return diverged(id, "R3 python-only input: non-string extra " + t.nonStringExtras);
			}
			if (t.placementConverted && isPlainArgumentError(ex)) {
				return diverged(id, "R6 placement name validated when converted: " + ex.getMessage());
			}
			if (ex instanceof MalformedTokenResponseException && "parse_request_body_response".equals(op)) {
				PythonJson.Result json = PythonJson.parse(runner.body);
				if (isNonObjectJson(runner.body)) {
					return diverged(id, "R4 non-object JSON: " + ex.getMessage());
				}
				if (json.isJson() && hasNonStringTokenField((Map<?, ?>) json.value())) {
					return diverged(id, "R5 non-string token field: " + ex.getMessage());
				}
			}
			if (ex instanceof IllegalArgumentException && ex.getMessage() != null
					&& ex.getMessage().contains("must be a string or null")) {
				return diverged(id, "R5 non-string token field: " + ex.getMessage());
			}
			return failed(id, "expected " + PythonValuesInVectors.describe(expect.get("ok")) + " but threw " + ex);
		}
		Object actual = toPython(outcome.value());
		String diff = PythonValuesInVectors.difference(expect.get("ok"), actual);
		if (diff == null && outcome.value() instanceof OAuth2Token token && expect.get("token_meta") instanceof Map) {
			diff = tokenMetaDifference((Map<?, ?>) expect.get("token_meta"), token);
		}
		if (diff != null) {
			return t.multiElementSet ? diverged(id, "R3 python set iteration order: " + diff) : failed(id, diff);
		}
		if (t.truthinessMapped != null) {
			return diverged(id, "R3 python-only input mapped by truthiness: " + t.truthinessMapped);
		}
		return passed(id);
	}

	@SuppressWarnings("unchecked")
	private static Verdict judgeError(String id, String op, Map<String, Object> expect, VectorRunner.Outcome outcome,
			VectorRunner runner) {
		String pythonClass = (String) expect.get("error");
		String message = (String) expect.get("message");
		Map<String, Object> attrs = (Map<String, Object>) expect.getOrDefault("attrs", Map.of());
		RuntimeException ex = outcome.error();
		if (ex == null) {
			return failed(id, "expected " + pythonClass + "(" + message + ") but returned "
					+ PythonValuesInVectors.describe(toPython(outcome.value())));
		}
		VectorRunner.Translation t = runner.translation;
		if (t.nonStringExtras != null && isPlainArgumentError(ex)) {
			return diverged(id, "R3 python-only input: non-string extra " + t.nonStringExtras);
		}
		if (t.placementConverted && isPlainArgumentError(ex)) {
			return ("ValueError".equals(pythonClass) && Objects.equals(message, ex.getMessage())) ? passed(id)
					: diverged(id, "R6 placement name validated when converted, before " + pythonClass);
		}
		if (ex instanceof MalformedTokenResponseException && "parse_request_body_response".equals(op)
				&& isNonObjectJson(runner.body)) {
			return diverged(id, "R4 non-object JSON (oauthlib: " + pythonClass + "): " + ex.getMessage());
		}
		if (JAVA_CLASSES.containsKey(pythonClass) || "InvalidClientIdError".equals(pythonClass)) {
			return judgeOAuth2Error(id, pythonClass, message, attrs, ex);
		}
		if ("Warning".equals(pythonClass)) {
			return judgeScopeChange(id, attrs, ex);
		}
		if ("ValueError".equals(pythonClass) && isPlainArgumentError(ex) && Objects.equals(message, ex.getMessage())) {
			return passed(id);
		}
		if ("NotImplementedError".equals(pythonClass) && ex instanceof UnsupportedOperationException
				&& Objects.equals(message, ex.getMessage())) {
			return passed(id);
		}
		boolean crash = CRASHES.contains(pythonClass) || ("ValueError".equals(pythonClass)
				&& CRASH_VALUE_ERRORS.stream().anyMatch((prefix) -> message.startsWith(prefix)));
		if (crash && (ex instanceof MalformedTokenResponseException || isPlainArgumentError(ex))) {
			return diverged(id, "R1 python crash " + pythonClass + ": " + message + " -> "
					+ ex.getClass().getSimpleName() + ": " + ex.getMessage());
		}
		return failed(id, "expected " + pythonClass + "(" + message + ") but threw " + ex);
	}

	private static Verdict judgeOAuth2Error(String id, String pythonClass, String message, Map<String, Object> attrs,
			RuntimeException ex) {
		if (!(ex instanceof OAuth2Exception error)) {
			return failed(id, "expected " + pythonClass + "(" + message + ") but threw " + ex);
		}
		String attrDiff = attrsDifference(attrs, error, "InvalidClientIdError".equals(pythonClass));
		if ("InvalidClientIdError".equals(pythonClass)) {
			return (error instanceof InvalidRequestException && attrDiff == null)
					? diverged(id, "R2 invalid_request is InvalidRequestException: " + error.getMessage())
					: failed(id, "expected InvalidRequestException for invalid_request but got " + ex
							+ ((attrDiff != null) ? "; " + attrDiff : ""));
		}
		if (error.getClass() != JAVA_CLASSES.get(pythonClass)) {
			return failed(id, "expected " + JAVA_CLASSES.get(pythonClass).getSimpleName() + " but threw " + ex);
		}
		if (!Objects.equals(message, error.getMessage())) {
			return failed(id, "message " + PythonRepr.repr(message) + " expected but was "
					+ PythonRepr.repr(error.getMessage()));
		}
		return (attrDiff != null) ? failed(id, attrDiff) : passed(id);
	}

	private static String attrsDifference(Map<String, Object> attrs, OAuth2Exception error, boolean skipDescription) {
		List<String> diffs = new ArrayList<>();
		compareAttr(diffs, "error", attrs.get("error"), error.error(), true);
		if (!skipDescription) {
			compareAttr(diffs, "description", attrs.get("description"), error.description(), true);
		}
		compareAttr(diffs, "uri", attrs.get("uri"), error.uri(), attrs.containsKey("uri"));
		compareAttr(diffs, "state", attrs.get("state"), error.state(), attrs.containsKey("state"));
		if (attrs.get("status_code") instanceof Number status && status.intValue() != error.statusCode()) {
			diffs.add("status_code " + status + " expected but was " + error.statusCode());
		}
		return diffs.isEmpty() ? null : String.join("; ", diffs);
	}

	private static void compareAttr(List<String> diffs, String name, Object expected, String actual, boolean check) {
		String want = (expected != null) ? PythonRepr.str(expected) : null;
		if (check && !Objects.equals(want, actual)) {
			diffs.add(name + " " + PythonRepr.repr(want) + " expected but was " + PythonRepr.repr(actual));
		}
	}

	@SuppressWarnings("unchecked")
	private static Verdict judgeScopeChange(String id, Map<String, Object> attrs, RuntimeException ex) {
		if (!(ex instanceof ScopeChangedException change)) {
			return failed(id, "expected a scope change but threw " + ex);
		}
		List<String> diffs = new ArrayList<>();
		if (!Objects.equals(attrs.get("message_normalized"), change.getMessage())) {
			diffs.add("message " + PythonRepr.repr(attrs.get("message_normalized")) + " expected but was "
					+ PythonRepr.repr(change.getMessage()));
		}
		if (!Objects.equals(attrs.get("old_scope_sorted"), change.oldScopes())) {
			diffs.add("old scopes " + attrs.get("old_scope_sorted") + " expected but were " + change.oldScopes());
		}
		if (!Objects.equals(attrs.get("new_scope_sorted"), change.newScopes())) {
			diffs.add("new scopes " + attrs.get("new_scope_sorted") + " expected but were " + change.newScopes());
		}
		String tokenDiff = PythonValuesInVectors.difference(attrs.get("token"), change.token().parameters());
		if (tokenDiff != null) {
			diffs.add("token " + tokenDiff);
		}
		return diffs.isEmpty() ? passed(id) : failed(id, String.join("; ", diffs));
	}

	private static String tokenMetaDifference(Map<?, ?> meta, OAuth2Token token) {
		if (!Objects.equals(meta.get("scope_changed"), token.scopeChanged())) {
			return "scope_changed " + meta.get("scope_changed") + " expected";
		}
		if (!Objects.equals(meta.get("scopes_sorted"), token.scopes())) {
			return "scopes " + meta.get("scopes_sorted") + " expected but were " + token.scopes();
		}
		if (!Objects.equals(meta.get("old_scopes_sorted"), token.oldScopes())) {
			return "old scopes " + meta.get("old_scopes_sorted") + " expected but were " + token.oldScopes();
		}
		return null;
	}

	@SuppressWarnings("unchecked")
	private static String signalDifference(List<Object> expected, List<VectorRunner.Signal> actual) {
		if (expected.size() != actual.size()) {
			return expected.size() + " expected but " + actual.size() + " sent";
		}
		for (int i = 0; i < expected.size(); i++) {
			Map<String, Object> want = (Map<String, Object>) expected.get(i);
			VectorRunner.Signal got = actual.get(i);
			if (!Objects.equals(normalizeScopeMessage((String) want.get("message")), got.message())
					|| !Objects.equals(want.get("old_sorted"), got.oldScopes())
					|| !Objects.equals(want.get("new_sorted"), got.newScopes())) {
				return want + " expected but was " + got;
			}
		}
		return null;
	}

	/** Sorts the scope words of oauthlib's message (Python prints sets in an unspecified order). */
	static String normalizeScopeMessage(String message) {
		Matcher m = SCOPE_MESSAGE.matcher(message);
		if (!m.matches()) {
			return message;
		}
		return "Scope has changed from \"" + sortWords(m.group(1)) + "\" to \"" + sortWords(m.group(2)) + "\".";
	}

	private static String sortWords(String words) {
		List<String> list = new ArrayList<>(ScopeSupport.splitOnSpaces(words));
		list.sort(PythonText::compareCodePoints);
		return String.join(" ", list);
	}

	private static boolean isPlainArgumentError(RuntimeException ex) {
		return (ex instanceof IllegalArgumentException || ex instanceof IllegalStateException)
				&& !(ex instanceof OAuth2Exception);
	}

	private static boolean isNonObjectJson(String body) {
		PythonJson.Result json = PythonJson.parse(body);
		return json.isJson() && !(json.value() instanceof Map);
	}

	private static boolean hasNonStringTokenField(Map<?, ?> params) {
		for (String key : TokenFields.STRING_KEYS) {
			Object value = params.get(key);
			if (value != null && !(value instanceof String)) {
				return true;
			}
		}
		return false;
	}

	/** The Java result in the vectors' shape. */
	static Object toPython(Object value) {
		if (value instanceof OAuth2Token token) {
			return token.parameters();
		}
		if (value instanceof AddTokenResult result) {
			Map<String, Object> out = new LinkedHashMap<>();
			out.put("uri", result.uri());
			out.put("headers", result.headers());
			out.put("body", result.body());
			return out;
		}
		if (value instanceof ClientState state) {
			return snapshot(state);
		}
		return value;
	}

	/** A client snapshot with oauthlib's attribute names. */
	static Map<String, Object> snapshot(ClientState s) {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("client_id", s.clientId());
		out.put("default_token_placement", s.defaultTokenPlacement().value());
		out.put("token_type", s.tokenType());
		out.put("access_token", s.accessToken());
		out.put("refresh_token", s.refreshToken());
		out.put("mac_key", s.macKey());
		out.put("mac_algorithm", s.macAlgorithm());
		out.put("scope", s.scope);
		out.put("state", s.state());
		out.put("redirect_url", s.redirectUrl());
		out.put("expires_in", s.expiresIn());
		out.put("_expires_at", s.expiresAt());
		out.put("token", s.token().parameters());
		return out;
	}

}
