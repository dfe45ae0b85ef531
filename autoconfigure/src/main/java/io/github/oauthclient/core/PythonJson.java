package io.github.oauthclient.core;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonReadFeature;

/**
 * Reads JSON the way Python's {@code json.loads} does, on top of Jackson's streaming parser: {@code NaN} and
 * {@code Infinity} literals, arbitrary-precision integers, any top-level value, duplicate keys with the last
 * value winning (at the first key's position), and a "not JSON" outcome exactly where Python raises
 * {@code ValueError} (empty input, a byte-order mark, trailing data, integers over 4300 digits), because oauthlib
 * then falls back to form decoding.
 * <p>
 * Values come back as Python-like Java values: {@code null}, {@link Boolean}, {@link Long} or
 * {@link BigInteger}, {@link Double}, {@link String}, unmodifiable {@link List} and insertion-ordered
 * unmodifiable {@link Map}.
 */
final class PythonJson {

	/** Python's default recursion limit (1000) bounds how deep {@code json.loads} can nest. */
	private static final int MAX_DEPTH = 990;

	private static final JsonFactory FACTORY = JsonFactory.builder()
		.enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
		.streamReadConstraints(StreamReadConstraints.builder()
			.maxNumberLength(Integer.MAX_VALUE)
			.maxNestingDepth(MAX_DEPTH)
			.maxStringLength(Integer.MAX_VALUE)
			.build())
		.build();

	private PythonJson() {
	}

	/**
	 * The outcome of {@link #parse(String)}: a value, "not JSON" (Python's ValueError), or nesting deeper than
	 * Python's recursion limit (Python's RecursionError, which oauthlib does not catch).
	 */
	record Result(boolean isJson, Object value, boolean tooDeep) {
	}

	/** Parses {@code body}; {@code isJson} is false where Python's {@code json.loads} raises ValueError. */
	static Result parse(String body) {
		if (body == null || body.isEmpty() || body.charAt(0) == '\uFEFF') {
			return new Result(false, null, false);
		}
		try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), body)) {
			JsonToken first = parser.nextToken();
			if (first == null) {
				return new Result(false, null, false);
			}
			Object value = read(parser, first);
			if (parser.nextToken() != null) {
				return new Result(false, null, false);
			}
			return new Result(true, value, false);
		}
		catch (NotJson ex) {
			return new Result(false, null, false);
		}
		catch (tools.jackson.core.exc.StreamConstraintsException ex) {
			return new Result(false, null, true);
		}
		catch (JacksonException ex) {
			return new Result(false, null, false);
		}
	}

	private static final class NotJson extends RuntimeException {

		NotJson() {
			super(null, null, false, false);
		}

	}

	private static Object read(JsonParser parser, JsonToken token) {
		switch (token) {
			case START_OBJECT -> {
				Map<String, Object> map = new LinkedHashMap<>();
				for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
					String name = parser.currentName();
					map.put(name, read(parser, parser.nextToken()));
				}
				return Collections.unmodifiableMap(map);
			}
			case START_ARRAY -> {
				List<Object> list = new ArrayList<>();
				for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
					list.add(read(parser, t));
				}
				return Collections.unmodifiableList(list);
			}
			case VALUE_STRING -> {
				return parser.getString();
			}
			case VALUE_NUMBER_INT -> {
				return readInt(parser);
			}
			case VALUE_NUMBER_FLOAT -> {
				return readFloat(parser);
			}
			case VALUE_TRUE -> {
				return Boolean.TRUE;
			}
			case VALUE_FALSE -> {
				return Boolean.FALSE;
			}
			case VALUE_NULL -> {
				return null;
			}
			default -> throw new NotJson();
		}
	}

	private static Object readInt(JsonParser parser) {
		String text = parser.getText();
		int digits = text.length() - ((text.charAt(0) == '-') ? 1 : 0);
		if (digits > PythonInt.MAX_STR_DIGITS || text.charAt(0) == '+') {
			throw new NotJson();
		}
		return switch (parser.getNumberType()) {
			case INT, LONG -> parser.getLongValue();
			default -> PythonInt.normalize(parser.getBigIntegerValue());
		};
	}

	private static Object readFloat(JsonParser parser) {
		String text = parser.getText();
		if (parser.isNaN()) {
			// Python knows exactly NaN, Infinity and -Infinity.
			if (!text.equals("NaN") && !text.equals("Infinity") && !text.equals("-Infinity")) {
				throw new NotJson();
			}
		}
		else if (text.charAt(0) == '+') {
			throw new NotJson();
		}
		return Double.valueOf(parser.getDoubleValue());
	}

}
