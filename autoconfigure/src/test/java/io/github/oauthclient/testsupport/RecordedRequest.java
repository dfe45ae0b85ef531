package io.github.oauthclient.testsupport;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a client sent to the {@link FaultInjectingTokenEndpoint}: exists so that tests can assert the exact request
 * line, headers and form body (for example that a public client sends its id but no secret).
 *
 * @param method the HTTP method
 * @param path the request path
 * @param query the raw query, or {@code null}
 * @param headers the request headers, names in lower case
 * @param body the request body, decoded as UTF-8
 */
public record RecordedRequest(String method, String path, String query, Map<String, List<String>> headers,
		String body) {

	/** The first value of a header (case-insensitive name), or {@code null}. */
	public String header(String name) {
		List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
		return (values == null || values.isEmpty()) ? null : values.get(0);
	}

	/** The form body as decoded name/value pairs, in order (duplicates kept). */
	public List<Map.Entry<String, String>> formParameters() {
		List<Map.Entry<String, String>> pairs = new ArrayList<>();
		if (body.isEmpty()) {
			return pairs;
		}
		for (String segment : body.split("&")) {
			int eq = segment.indexOf('=');
			String name = eq < 0 ? segment : segment.substring(0, eq);
			String value = eq < 0 ? "" : segment.substring(eq + 1);
			pairs.add(Map.entry(URLDecoder.decode(name, StandardCharsets.UTF_8),
					URLDecoder.decode(value, StandardCharsets.UTF_8)));
		}
		return pairs;
	}

	/** The first decoded value of a form parameter, or {@code null}. */
	public String formParameter(String name) {
		return formParameters().stream().filter(e -> e.getKey().equals(name)).map(Map.Entry::getValue).findFirst()
				.orElse(null);
	}
}
