package io.github.oauthclient.token.store;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a {@link SharedToken} into the bytes a {@link TokenStore} keeps and back: JSON, encrypted with a
 * {@link TokenCipher} when one is configured.
 *
 * <p>Exists to keep the stored format in one place: {@code {"version":1,"issued_at_ms":...,"expires_at_ms":...,
 * "token":{...token response fields...}}}. With a cipher, only encrypted values are accepted (a plain value could
 * have been planted by anyone who can write to the store); without one, only plain values.
 */
public final class SharedTokenCodec {

	private static final int VERSION = 1;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private final TokenCipher cipher;

	/** A codec that encrypts with {@code cipher}, or stores plain JSON when it is null. */
	public SharedTokenCodec(TokenCipher cipher) {
		this.cipher = cipher;
	}

	/** Whether values are encrypted. */
	public boolean encrypts() {
		return cipher != null;
	}

	/** The stored form of {@code token} under {@code key}. */
	public byte[] encode(String key, SharedToken token) {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("version", VERSION);
		document.put("issued_at_ms", token.issuedAtEpochMillis());
		document.put("expires_at_ms", token.expiresAtEpochMillis());
		document.put("token", token.parameters());
		byte[] json = JSON.writeValueAsBytes(document);
		return (cipher != null) ? cipher.encrypt(json, key.getBytes(StandardCharsets.UTF_8)) : json;
	}

	/**
	 * The token stored under {@code key} as {@code value}.
	 *
	 * @throws IllegalArgumentException when the value cannot be read: another format or version, encrypted with
	 * another key, plain while encryption is configured or the reverse (the message never contains the value)
	 */
	public SharedToken decode(String key, byte[] value) {
		byte[] json = value;
		if (cipher != null) {
			json = cipher.decrypt(value, key.getBytes(StandardCharsets.UTF_8));
		}
		else if (value.length > 0 && value[0] == TokenCipher.FORMAT) {
			throw new IllegalArgumentException("the value is encrypted, but no encryption key is configured");
		}
		Map<String, Object> document;
		try {
			document = JSON.readValue(json, MAP);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("the value is not a stored token (not JSON)");
		}
		if (!(document.get("version") instanceof Number version) || version.intValue() != VERSION
				|| !(document.get("issued_at_ms") instanceof Number issuedAt)
				|| !(document.get("expires_at_ms") instanceof Number expiresAt)
				|| !(document.get("token") instanceof Map<?, ?> parameters)) {
			throw new IllegalArgumentException("the value is not a stored token of version " + VERSION);
		}
		@SuppressWarnings("unchecked")
		Map<String, Object> fields = (Map<String, Object>) parameters;
		return new SharedToken(fields, issuedAt.longValue(), expiresAt.longValue());
	}

	@Override
	public String toString() {
		return "SharedTokenCodec[" + ((cipher != null) ? "encrypted" : "plain") + "]";
	}
}
