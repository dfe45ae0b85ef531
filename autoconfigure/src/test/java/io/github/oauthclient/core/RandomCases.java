package io.github.oauthclient.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import tools.jackson.databind.json.JsonMapper;

/**
 * Random oauthlib vector cases (without expectations) for the live differential test: request bodies with odd
 * existing bodies, scopes and extras, query placement on odd URIs, and token responses with odd JSON and
 * {@code expires_in}/{@code scope} values. The characters are biased towards what breaks form codecs.
 */
final class RandomCases {

	private static final String PUNCTUATION = "-._~ *+&=;%/?#@!$'(),:[]\"<>\\^`{|}";

	private static final String[] NON_ASCII = { "\u00e9", "\u00fc", "\u65e5", "\u00a0", "\u2028", "\ufffd",
			"\ud83d\ude00", "e\u0301", "\u0663", "\uff11" };

	private static final String[] EXPIRES_IN = { "3600", " 3600 ", "+3600", "-5", "3_600", "\u0663\u0666",
			"\uff11\uff12", "3600.5", "1e3", "abc", "", "0x10", "007", "1__0", "\u00a042\u2003" };

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Random random;

	RandomCases(long seed) {
		this.random = new Random(seed);
	}

	List<Map<String, Object>> generate(int n) {
		List<Map<String, Object>> cases = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			Map<String, Object> c = switch (i % 3) {
				case 0 -> requestBody(i);
				case 1 -> queryPlacement(i);
				default -> parse(i);
			};
			cases.add(c);
		}
		return cases;
	}

	private Map<String, Object> newCase(int i, String op, Map<String, Object> ctor, Map<String, Object> args) {
		Map<String, Object> c = new LinkedHashMap<>();
		c.put("id", "R-" + i);
		c.put("op", op);
		c.put("ctor", ctor);
		c.put("args", args);
		return c;
	}

	private Map<String, Object> requestBody(int i) {
		Map<String, Object> ctor = new LinkedHashMap<>();
		ctor.put("client_id", chance(10) ? null : text(8, false));
		if (chance(30)) {
			ctor.put("scope", scope());
		}
		Map<String, Object> args = new LinkedHashMap<>();
		if (chance(70)) {
			args.put("body", formText(4));
		}
		if (chance(70)) {
			args.put("scope", scope());
		}
		if (chance(50)) {
			args.put("include_client_id", this.random.nextBoolean());
		}
		int extras = this.random.nextInt(4);
		for (int k = 0; k < extras; k++) {
			String name = switch (this.random.nextInt(6)) {
				case 0 -> "client_secret";
				case 1 -> "code_verifier";
				case 2 -> "client_id";
				default -> "x" + k + text(3, false);
			};
			args.put(name, chance(15) ? null : chance(15) ? "" : text(10, chance(15)));
		}
		return newCase(i, "prepare_request_body", ctor, args);
	}

	private Map<String, Object> queryPlacement(int i) {
		Map<String, Object> ctor = new LinkedHashMap<>();
		ctor.put("client_id", "cid");
		ctor.put("access_token", "t" + text(8, false));
		StringBuilder uri = new StringBuilder(pick("https", "HTTPS", "HtTpS", "https"));
		uri.append("://");
		if (chance(20)) {
			uri.append(pick("u", "u:p", "u%40x:p:q")).append('@');
		}
		uri.append(pick("e.com", "E.Example.COM", "[::1]", "10.0.0.1", "x"));
		if (chance(30)) {
			uri.append(':').append(pick("443", "8443", "", "x"));
		}
		int segments = this.random.nextInt(4);
		for (int s = 0; s < segments; s++) {
			uri.append('/').append(text(5, false).replace("?", "").replace("#", ""));
		}
		if (chance(60)) {
			uri.append('?').append(formText(3).replace("#", ""));
		}
		if (chance(30)) {
			uri.append('#').append(text(6, false));
		}
		Map<String, Object> args = new LinkedHashMap<>();
		args.put("uri", uri.toString());
		args.put("token_placement", "query");
		return newCase(i, "add_token", ctor, args);
	}

	private Map<String, Object> parse(int i) {
		Map<String, Object> ctor = new LinkedHashMap<>();
		ctor.put("client_id", "cid");
		Map<String, Object> args = new LinkedHashMap<>();
		args.put("body", chance(20) ? formResponse() : jsonResponse());
		if (chance(40)) {
			args.put("scope", scope());
		}
		Map<String, Object> c = newCase(i, "parse_request_body_response", ctor, args);
		if (chance(50)) {
			c.put("env", Map.of("OAUTHLIB_RELAX_TOKEN_SCOPE", "1"));
		}
		return c;
	}

	private String jsonResponse() {
		Map<String, Object> fields = new LinkedHashMap<>();
		if (chance(90)) {
			fields.put("access_token", chance(5) ? null : text(12, false));
		}
		if (chance(70)) {
			fields.put("token_type", pick("Bearer", "bearer", "MAC", "example"));
		}
		if (chance(70)) {
			fields.put("expires_in", expiresIn());
		}
		if (chance(60)) {
			fields.put("scope", chance(70) ? spacedScope() : List.of(text(3, false), text(3, false)));
		}
		if (chance(20)) {
			fields.put("error", pick("invalid_client", "invalid_request", "invalid_scope", "Custom", ""));
			if (chance(50)) {
				fields.put("error_description", text(10, false));
			}
		}
		if (chance(30)) {
			fields.put("refresh_token", text(8, false));
		}
		if (chance(30)) {
			fields.put("x" + text(2, false), List.of(1L, 2.5, true, Map.of("k", "v")));
		}
		String json = JSON.writeValueAsString(fields);
		return switch (this.random.nextInt(12)) {
			case 0 -> "\ufeff" + json;
			case 1 -> json + " x";
			case 2 -> "  " + json + "\n";
			case 3 -> json.replace("\"expires_in\":", "\"expires_in\":NaN,\"e2\":");
			default -> json;
		};
	}

	private Object expiresIn() {
		return switch (this.random.nextInt(5)) {
			case 0 -> (long) (this.random.nextInt(100000) - 100);
			case 1 -> this.random.nextInt(100000) / 7.0;
			case 2 -> this.random.nextBoolean();
			case 3 -> null;
			default -> pick(EXPIRES_IN);
		};
	}

	private String formResponse() {
		StringBuilder out = new StringBuilder("access_token=" + text(6, false).replace("&", ""));
		if (chance(50)) {
			out.append("&expires_in=").append(pick("60", "", "+7", "1_0", "x"));
		}
		if (chance(50)) {
			out.append("&scope=").append(formText(1).replace("&", ""));
		}
		if (chance(30)) {
			out.append('&').append(formText(2));
		}
		return out.toString();
	}

	private Object scope() {
		return switch (this.random.nextInt(4)) {
			case 0 -> spacedScope();
			case 1 -> List.of();
			default -> {
				List<Object> list = new ArrayList<>();
				int n = this.random.nextInt(4);
				for (int k = 0; k < n; k++) {
					list.add(chance(10) ? "" : text(5, false));
				}
				yield list;
			}
		};
	}

	private String spacedScope() {
		StringBuilder out = new StringBuilder();
		int n = this.random.nextInt(4);
		for (int k = 0; k < n; k++) {
			out.append(pick(" ", "  ", "", "\t", "\u00a0")).append(text(4, false).replace(" ", ""));
		}
		return out.append(pick("", " ", "\n")).toString();
	}

	private String formText(int maxPairs) {
		StringBuilder out = new StringBuilder();
		int pairs = this.random.nextInt(maxPairs + 1);
		for (int p = 0; p < pairs; p++) {
			if (p > 0 || chance(10)) {
				out.append(pick("&", "&", "&&", ";"));
			}
			out.append(text(5, false));
			if (chance(80)) {
				out.append('=').append(text(6, false));
			}
		}
		return out.toString();
	}

	/** Random text biased towards form-codec trouble; {@code loneSurrogates} allows unencodable input. */
	private String text(int maxLength, boolean loneSurrogates) {
		StringBuilder out = new StringBuilder();
		int length = this.random.nextInt(maxLength + 1);
		for (int k = 0; k < length; k++) {
			int kind = this.random.nextInt(100);
			if (kind < 45) {
				out.append((char) pick("abcxyzABCXYZ0189"));
			}
			else if (kind < 70) {
				out.append(PUNCTUATION.charAt(this.random.nextInt(PUNCTUATION.length())));
			}
			else if (kind < 82) {
				out.append('%').append(pick("41", "7e", "7E", "2B", "zz", "C3", "A9", "e2", "82", "ac", "F0", "9F", "",
						"4", "ED", "a0", "80", "C0", "FF"));
			}
			else if (kind < 95) {
				out.append(pick(NON_ASCII));
			}
			else if (kind < 98) {
				out.append((char) this.random.nextInt(0x20));
			}
			else if (loneSurrogates) {
				out.append((char) (0xD800 + this.random.nextInt(0x800)));
			}
		}
		return out.toString();
	}

	private boolean chance(int percent) {
		return this.random.nextInt(100) < percent;
	}

	@SafeVarargs
	private <T> T pick(T... options) {
		return options[this.random.nextInt(options.length)];
	}

	private int pick(String chars) {
		return chars.charAt(this.random.nextInt(chars.length()));
	}

}
