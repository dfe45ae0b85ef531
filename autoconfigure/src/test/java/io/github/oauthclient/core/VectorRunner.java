package io.github.oauthclient.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.oauthclient.core.PythonValuesInVectors.PythonOnlyInput;

/**
 * Runs one oauthlib vector case against the Java port: builds the client from {@code ctor} and {@code env},
 * replays {@code before}, moves the frozen clock by {@code at}, calls the operation with the arguments translated
 * to the Java API, and lets {@link VectorVerdicts} judge the outcome against {@code expect}.
 */
final class VectorRunner {

	/** A recorded scope-change signal. */
	record Signal(String message, List<String> oldScopes, List<String> newScopes) {
	}

	/** Flags about how the inputs had to be translated. */
	static final class Translation {

		/** Set when a Python-only input was mapped by Python's truthiness (e.g. {@code include_client_id="no"}). */
		String truthinessMapped;

		/** Set when a multi-element Python set scope was passed (Python's iteration order is unspecified). */
		boolean multiElementSet;

		/** Set when an invalid placement name had to be converted before the call. */
		boolean placementConverted;

		/** Set when extras held non-string values (Python would send their {@code str()}). */
		String nonStringExtras;

	}

	/** The result of calling the operation. */
	record Outcome(Object value, RuntimeException error) {
	}

	private final MutableClock clock = new MutableClock(Instant.ofEpochSecond(PythonValuesInVectors.BASE));

	private final List<Signal> signals = new ArrayList<>();

	final Translation translation = new Translation();

	BackendApplicationClient client;

	/** The body given to {@code parse_request_body_response}, for the judges. */
	String body;

	/** Runs the case and returns its verdict. */
	static VectorVerdicts.Verdict run(Map<String, Object> testCase) {
		String id = String.valueOf(testCase.get("id"));
		try {
			return new VectorRunner().execute(id, testCase);
		}
		catch (PythonOnlyInput ex) {
			return VectorVerdicts.diverged(id, "R3 python-only input: " + ex.getMessage());
		}
		catch (RuntimeException | AssertionError ex) {
			return VectorVerdicts.failed(id, "harness error: " + ex);
		}
	}

	@SuppressWarnings("unchecked")
	private VectorVerdicts.Verdict execute(String id, Map<String, Object> testCase) {
		Map<String, Object> expect = (Map<String, Object>) testCase.get("expect");
		Map<String, Object> ctor = (Map<String, Object>) PythonValuesInVectors.decode(testCase.get("ctor"));
		Map<String, Object> env = (Map<String, Object>) testCase.getOrDefault("env", Map.of());
		String op = (String) testCase.get("op");
		Map<String, Object> args = (Map<String, Object>) PythonValuesInVectors.decode(testCase.get("args"));
		try {
			this.client = build(ctor, env);
		}
		catch (PythonOnlyInput ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			return VectorVerdicts.judge(id, "ctor", expect, new Outcome(null, ex), this, null);
		}
		if ("ctor".equals(expect.get("stage"))) {
			return VectorVerdicts.failed(id, "Python failed in the constructor (" + expect.get("error")
					+ "), Java built a client");
		}
		for (Object before : (List<Object>) testCase.getOrDefault("before", List.of())) {
			Map<String, Object> step = (Map<String, Object>) before;
			call((String) step.get("op"), (Map<String, Object>) PythonValuesInVectors.decode(step.get("args")));
		}
		Object at = testCase.get("at");
		this.clock.setEpochSeconds(PythonValuesInVectors.BASE + ((at != null) ? ((Number) at).doubleValue() : 0));
		this.signals.clear();
		Outcome outcome;
		try {
			outcome = new Outcome(call(op, args), null);
		}
		catch (PythonOnlyInput ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			outcome = new Outcome(null, ex);
		}
		return VectorVerdicts.judge(id, op, expect, outcome, this, args);
	}

	List<Signal> signals() {
		return this.signals;
	}

	private BackendApplicationClient build(Map<String, Object> ctor, Map<String, Object> env) {
		if (!ctor.containsKey("client_id")) {
			throw new PythonOnlyInput("a client without client_id (Java's builder requires the argument)");
		}
		BackendApplicationClient.Builder builder = BackendApplicationClient.builder(string(ctor, "client_id"));
		for (Map.Entry<String, Object> e : ctor.entrySet()) {
			Object value = e.getValue();
			switch (e.getKey()) {
				case "client_id" -> {
				}
				case "default_token_placement" -> builder.defaultTokenPlacement(placement(value, true));
				case "token_type" -> builder.tokenType(string(ctor, "token_type"));
				case "access_token" -> builder.accessToken(string(ctor, "access_token"));
				case "refresh_token" -> builder.refreshToken(string(ctor, "refresh_token"));
				case "mac_key" -> builder.macKey(string(ctor, "mac_key"));
				case "mac_algorithm" -> builder.macAlgorithm(string(ctor, "mac_algorithm"));
				case "state" -> builder.state(string(ctor, "state"));
				case "redirect_url" -> builder.redirectUrl(string(ctor, "redirect_url"));
				case "code_verifier" -> builder.codeVerifier(string(ctor, "code_verifier"));
				case "code_challenge" -> builder.codeChallenge(string(ctor, "code_challenge"));
				case "code_challenge_method" -> builder.codeChallengeMethod(string(ctor, "code_challenge_method"));
				case "scope" -> {
					Object scope = scope(value);
					if (scope instanceof String s) {
						builder.scope(s);
					}
					else {
						builder.scope((Collection<String>) scope);
					}
				}
				case "token" -> builder.token(tokenMap(value));
				default -> {
					// oauthlib's **kwargs: silently ignored, as in Python
				}
			}
		}
		builder.insecureTransport(isSet(env, "OAUTHLIB_INSECURE_TRANSPORT"))
			.relaxTokenScope(isSet(env, "OAUTHLIB_RELAX_TOKEN_SCOPE"))
			.strictTokenType(isSet(env, "OAUTHLIB_STRICT_TOKEN_TYPE"))
			.clock(this.clock)
			.scopeChangeListener((message, oldScopes, newScopes) -> this.signals
				.add(new Signal(message, oldScopes, newScopes)));
		return builder.build();
	}

	/** oauthlib reads the variables as "present and non-empty". */
	private static boolean isSet(Map<String, Object> env, String name) {
		Object value = env.get(name);
		return value != null && !String.valueOf(value).isEmpty();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, ?> tokenMap(Object value) {
		if (value == null || !PythonValues.isTruthy(value)) {
			return null;
		}
		if (value instanceof Map<?, ?> map) {
			return (Map<String, ?>) map;
		}
		throw new PythonOnlyInput("a non-dict token " + PythonRepr.repr(value));
	}

	private Object call(String op, Map<String, Object> args) {
		Map<String, Object> a = new LinkedHashMap<>(args);
		return switch (op) {
			case "prepare_request_body" -> this.client.prepareRequestBody(bodyParameters(a, "body", "scope"));
			case "prepare_token_request" -> {
				String url = take(a, "token_url");
				String authorizationResponse = take(a, "authorization_response");
				String redirectUrl = take(a, "redirect_url");
				String state = take(a, "state");
				TokenRequest request = this.client.prepareTokenRequest(url, authorizationResponse, redirectUrl, state,
						bodyParameters(a, "body", "scope"));
				yield requestMap(request);
			}
			case "parse_request_body_response" -> {
				String body = take(a, "body");
				this.body = body;
				Object scope = scope(a.remove("scope"));
				List<String> requested = (scope instanceof String s) ? ScopeSupport.scopeToList(s)
						: (scope != null) ? new ArrayList<>((Collection<String>) scope) : null;
				yield this.client.parseRequestBodyResponse(body, requested);
			}
			case "add_token" -> addToken(a);
			case "prepare_refresh_body" -> {
				String refreshToken = take(a, "refresh_token");
				yield this.client.prepareRefreshBody(refreshToken, bodyParameters(a, "body", "scope"));
			}
			case "prepare_refresh_token_request" -> {
				String url = take(a, "token_url");
				String refreshToken = take(a, "refresh_token");
				yield requestMap(this.client.prepareRefreshTokenRequest(url, refreshToken,
						bodyParameters(a, "body", "scope")));
			}
			case "prepare_token_revocation_request" -> {
				String url = take(a, "revocation_url");
				String token = take(a, "token");
				String hint = a.containsKey("token_type_hint") ? take(a, "token_type_hint") : "access_token";
				String body = a.containsKey("body") ? take(a, "body") : "";
				String callback = take(a, "callback");
				flagNonStringExtras(a);
				yield requestMap(this.client.prepareTokenRevocationRequest(url, token, hint, body, callback, a));
			}
			case "prepare_authorization_request" -> {
				String url = take(a, "authorization_url");
				String state = take(a, "state");
				String redirectUrl = take(a, "redirect_url");
				Object scope = scope(a.remove("scope"));
				yield this.client.prepareAuthorizationRequest(url, state, redirectUrl,
						(scope instanceof String s) ? List.of(s) : (Collection<String>) scope, a);
			}
			case "populate_token_attributes" -> {
				this.client.populateTokenAttributes(tokenMapRequired(a.get("response")));
				yield null;
			}
			case "populate_code_attributes" -> {
				this.client.populateCodeAttributes(tokenMapRequired(a.get("response")));
				yield null;
			}
			case "create_code_challenge" -> this.client.createCodeChallenge(take(a, "code_verifier"),
					take(a, "code_challenge_method"));
			case "prepare_request_uri" -> this.client.prepareRequestUri(take(a, "uri"), a);
			case "parse_request_uri_response" -> this.client.parseRequestUriResponse(take(a, "uri"), take(a, "state"));
			case "ctor" -> this.client.snapshot();
			default -> throw new PythonOnlyInput("operation " + op + " is not part of the Java API");
		};
	}

	@SuppressWarnings("unchecked")
	private static Map<String, ?> tokenMapRequired(Object value) {
		if (value instanceof Map<?, ?> map) {
			return (Map<String, ?>) map;
		}
		throw new PythonOnlyInput("a non-dict response " + PythonRepr.repr(value));
	}

	@SuppressWarnings("unchecked")
	private AddTokenResult addToken(Map<String, Object> a) {
		String uri = take(a, "uri");
		String method = a.containsKey("http_method") ? take(a, "http_method") : "GET";
		String body = take(a, "body");
		Object headersValue = a.remove("headers");
		if (headersValue != null && !(headersValue instanceof Map)) {
			throw new PythonOnlyInput("non-dict headers");
		}
		Map<String, String> headers = (Map<String, String>) headersValue;
		Object placementValue = a.remove("token_placement");
		TokenPlacement placement = (placementValue == null || "".equals(placementValue)) ? null
				: placement(placementValue, false);
		MacOptions mac = null;
		if (a.containsKey("nonce") || a.containsKey("ext") || a.containsKey("draft")) {
			String nonce = take(a, "nonce");
			String ext = take(a, "ext");
			Object draft = a.remove("draft");
			mac = new MacOptions(nonce, ext, null, (draft != null) ? ((Number) draft).intValue() : 0);
		}
		if (!a.isEmpty()) {
			throw new PythonOnlyInput("add_token keyword arguments " + a.keySet());
		}
		return this.client.addToken(uri, method, body, headers, placement, mac);
	}

	private TokenPlacement placement(Object value, boolean constructor) {
		if (!(value instanceof String name)) {
			throw new PythonOnlyInput("a non-string token placement " + PythonRepr.repr(value));
		}
		try {
			return TokenPlacement.fromValue(name);
		}
		catch (IllegalArgumentException ex) {
			this.translation.placementConverted = true;
			throw ex;
		}
	}

	private BodyParameters bodyParameters(Map<String, Object> a, String bodyKey, String scopeKey) {
		BodyParameters.Builder builder = BodyParameters.builder();
		if (a.containsKey(bodyKey)) {
			builder.body(take(a, bodyKey));
		}
		if (a.containsKey(scopeKey)) {
			Object scope = scope(a.remove(scopeKey));
			if (scope instanceof String s) {
				builder.scope(s);
			}
			else if (scope != null) {
				@SuppressWarnings("unchecked")
				Collection<String> collection = (Collection<String>) scope;
				builder.scope(collection);
			}
		}
		if (a.containsKey("include_client_id")) {
			Object include = a.remove("include_client_id");
			if (include != null && !(include instanceof Boolean)) {
				this.translation.truthinessMapped = "include_client_id=" + PythonRepr.repr(include);
			}
			builder.includeClientId(PythonValues.isTruthy(include));
		}
		flagNonStringExtras(a);
		builder.extras(a);
		return builder.build();
	}

	private void flagNonStringExtras(Map<String, Object> extras) {
		for (Map.Entry<String, Object> e : extras.entrySet()) {
			if (e.getValue() != null && !(e.getValue() instanceof String)) {
				this.translation.nonStringExtras = e.getKey() + "=" + PythonRepr.repr(e.getValue());
			}
		}
	}

	private Object scope(Object value) {
		if (value == null || value instanceof String) {
			return value;
		}
		if (value instanceof Collection<?> collection) {
			for (Object element : collection) {
				if (!(element instanceof String)) {
					throw new PythonOnlyInput("a scope with a non-string element " + PythonRepr.repr(element));
				}
			}
			if (value instanceof Set && collection.size() > 1) {
				this.translation.multiElementSet = true;
			}
			return collection;
		}
		throw new PythonOnlyInput("a scope of Python type " + PythonRepr.typeName(value));
	}

	private static String string(Map<String, Object> map, String key) {
		Object value = map.get(key);
		if (value != null && !(value instanceof String)) {
			throw new PythonOnlyInput(key + " of Python type " + PythonRepr.typeName(value));
		}
		return (String) value;
	}

	private static String take(Map<String, Object> map, String key) {
		String value = string(map, key);
		map.remove(key);
		return value;
	}

	private static Map<String, Object> requestMap(TokenRequest request) {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("url", request.url());
		out.put("headers", request.headers());
		out.put("body", request.body());
		return out;
	}

}
