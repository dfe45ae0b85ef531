package io.github.oauthclient.core;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * oauthlib's {@code tokens.prepare_mac_header} (OAuth 2.0 MAC tokens, an unfinished draft): an
 * {@code Authorization: MAC id="...", nonce="...", [bodyhash="...",] [ext="...",] mac="..."} header whose
 * {@code mac} is {@code base64(HMAC(key, nonce\nMETHOD\npath?query\nhost\nport\nbodyhash\next\n))} (draft 0) or
 * with a timestamp and no body hash (draft 1). Host and port are oauthlib's naive split of the netloc at its first
 * colon; the port defaults to 443/80 for https/http. Only header placement exists.
 */
final class MacSigner {

	private static final SecureRandom RANDOM = new SecureRandom();

	private MacSigner() {
	}

	static AddTokenResult sign(ClientState state, String uri, String httpMethod, String body,
			Map<String, String> headers, MacOptions options, Clock clock) {
		if (httpMethod == null) {
			throw new IllegalArgumentException("MAC signing needs an HTTP method");
		}
		String method = httpMethod.toUpperCase(Locale.ROOT);
		String[] hostAndPort = PythonUrl.hostAndPort(uri);
		if (state.macAlgorithm == null) {
			throw new IllegalStateException("The client has no MAC algorithm (mac_algorithm is null)");
		}
		String digest;
		String hmac;
		if (PythonText.lowerEquals(state.macAlgorithm, "hmac-sha-1")) {
			digest = "SHA-1";
			hmac = "HmacSHA1";
		}
		else if (PythonText.lowerEquals(state.macAlgorithm, "hmac-sha-256")) {
			digest = "SHA-256";
			hmac = "HmacSHA256";
		}
		else {
			throw new IllegalStateException("unknown hash algorithm");
		}
		double now = ExpiryCheck.now(clock);
		String ts = null;
		String nonce;
		if (options.draft() == 0) {
			nonce = (options.nonce() != null && !options.nonce().isEmpty()) ? options.nonce()
					: age(options.issueTime(), clock) + ":" + generateNonce(now);
		}
		else {
			ts = Long.toString((long) Math.floor(now));
			nonce = generateNonce(now);
		}
		PythonUrl.Parts parts = PythonUrl.parse(uri);
		String requestUri = parts.query().isEmpty() ? parts.path() : parts.path() + "?" + parts.query();
		String bodyHash = "";
		if (body != null && options.draft() == 0) {
			Utf8.requireEncodable(body, "The request body");
			bodyHash = base64(digest(digest, body.getBytes(StandardCharsets.UTF_8)));
		}
		if (hostAndPort[1] == null) {
			throw new IllegalArgumentException("MAC signing needs a port: the URI has none and its scheme is "
					+ "neither http nor https (Python: TypeError)");
		}
		String ext = (options.ext() != null) ? options.ext() : "";
		StringBuilder base = new StringBuilder();
		if (ts != null) {
			base.append(ts).append('\n');
		}
		base.append(nonce).append('\n').append(method).append('\n').append(requestUri).append('\n');
		base.append(hostAndPort[0]).append('\n').append(hostAndPort[1]).append('\n');
		if (options.draft() == 0) {
			base.append(bodyHash).append('\n');
		}
		base.append(ext).append('\n');
		if (state.macKey == null) {
			throw new IllegalStateException("The client has no MAC key (mac_key is null)");
		}
		Utf8.requireEncodable(base.toString(), "The MAC base string");
		Utf8.requireEncodable(state.macKey, "The MAC key");
		String mac = base64(hmac(hmac, state.macKey.getBytes(StandardCharsets.UTF_8),
				base.toString().getBytes(StandardCharsets.UTF_8)));
		StringBuilder header = new StringBuilder("MAC id=\"").append(state.accessToken).append('"');
		if (ts != null) {
			header.append(", ts=\"").append(ts).append('"');
		}
		header.append(", nonce=\"").append(nonce).append('"');
		if (!bodyHash.isEmpty()) {
			header.append(", bodyhash=\"").append(bodyHash).append('"');
		}
		if (!ext.isEmpty()) {
			header.append(", ext=\"").append(ext).append('"');
		}
		header.append(", mac=\"").append(mac).append('"');
		Map<String, String> result = new LinkedHashMap<>((headers != null) ? headers : Map.of());
		result.put("Authorization", header.toString());
		return new AddTokenResult(uri, java.util.Collections.unmodifiableMap(result), body);
	}

	/** oauthlib's {@code generate_age(issue_time)}: seconds since issue, as Python's {@code str(float)}. */
	private static String age(Instant issueTime, Clock clock) {
		if (issueTime == null) {
			throw new IllegalArgumentException("MAC draft 0 needs a nonce or the token's issue time "
					+ "(Python: TypeError in generate_age)");
		}
		Duration age = Duration.between(issueTime, clock.instant());
		long micros = age.getSeconds() * 1_000_000L + age.getNano() / 1_000;
		return PythonRepr.reprFloat(micros / 1e6);
	}

	/** oauthlib's {@code generate_nonce()}: 64 random bits in decimal followed by the epoch second. */
	private static String generateNonce(double now) {
		return Long.toUnsignedString(RANDOM.nextLong()) + (long) Math.floor(now);
	}

	private static byte[] digest(String algorithm, byte[] data) {
		try {
			return MessageDigest.getInstance(algorithm).digest(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The JDK lacks " + algorithm, ex);
		}
	}

	private static byte[] hmac(String algorithm, byte[] key, byte[] data) {
		try {
			Mac mac = Mac.getInstance(algorithm);
			// HMAC zero-pads the key to the block size, so an empty key equals a single zero byte
			// (SecretKeySpec rejects empty keys).
			mac.init(new SecretKeySpec((key.length > 0) ? key : new byte[1], algorithm));
			return mac.doFinal(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The JDK lacks " + algorithm, ex);
		}
	}

	private static String base64(byte[] bytes) {
		return Base64.getEncoder().encodeToString(bytes);
	}

}
