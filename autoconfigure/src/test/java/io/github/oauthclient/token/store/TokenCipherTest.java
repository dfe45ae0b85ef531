package io.github.oauthclient.token.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** AES-GCM at rest and the stored format: what a wrong key, a planted or altered value, or a moved value do. */
class TokenCipherTest {

	private static final String KEY = Base64.getEncoder().encodeToString(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
			11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32 });

	private static final byte[] NAME = "oauth-client:token:default:0123".getBytes(StandardCharsets.UTF_8);

	private final TokenCipher cipher = TokenCipher.fromBase64Key(KEY);

	@Test
	void roundTripWithAFreshIvPerValue() {
		byte[] plain = "{\"access_token\":\"secret-token\"}".getBytes(StandardCharsets.UTF_8);
		byte[] first = cipher.encrypt(plain, NAME);
		byte[] second = cipher.encrypt(plain, NAME);
		assertThat(first[0]).isEqualTo((byte) 1);
		assertThat(first).hasSize(1 + 12 + plain.length + 16);
		assertThat(Arrays.copyOfRange(first, 1, 13)).isNotEqualTo(Arrays.copyOfRange(second, 1, 13));
		assertThat(new String(first, StandardCharsets.ISO_8859_1)).doesNotContain("secret-token");
		assertThat(cipher.decrypt(first, NAME)).isEqualTo(plain);
		assertThat(cipher.decrypt(second, NAME)).isEqualTo(plain);
	}

	@Test
	void anotherKeyAnotherKeyNameOrAnAlteredValueDoNotDecrypt() {
		byte[] sealed = cipher.encrypt("{}".getBytes(StandardCharsets.UTF_8), NAME);
		TokenCipher other = TokenCipher.fromBase64Key(Base64.getEncoder().encodeToString(new byte[32]));
		assertThatIllegalArgumentException().isThrownBy(() -> other.decrypt(sealed, NAME));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> cipher.decrypt(sealed, "oauth-client:token:other:0123".getBytes(StandardCharsets.UTF_8)));
		byte[] altered = sealed.clone();
		altered[altered.length - 1] ^= 1;
		assertThatIllegalArgumentException().isThrownBy(() -> cipher.decrypt(altered, NAME));
		assertThatIllegalArgumentException().isThrownBy(() -> cipher.decrypt("{}".getBytes(StandardCharsets.UTF_8), NAME))
			.withMessage("the value is not encrypted");
	}

	@Test
	void badKeysAreRejectedWithoutShowingThem() {
		String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
		assertThatIllegalArgumentException().isThrownBy(() -> TokenCipher.fromBase64Key(shortKey))
			.withMessageContaining("32 bytes")
			.withMessageContaining("16 bytes")
			.withMessageNotContaining(shortKey);
		assertThatIllegalArgumentException().isThrownBy(() -> TokenCipher.fromBase64Key("not base64!"))
			.withMessage("the encryption key is not valid base64");
		assertThat(cipher.toString()).doesNotContain(KEY);
	}

	@Test
	void theCodecAcceptsOnlyTheFormItWrites() {
		SharedToken token = new SharedToken(Map.of("access_token", "secret-token", "token_type", "Bearer"), 1000L,
				61_000L);
		String key = new String(NAME, StandardCharsets.UTF_8);
		SharedTokenCodec plain = new SharedTokenCodec(null);
		SharedTokenCodec encrypted = new SharedTokenCodec(cipher);

		byte[] json = plain.encode(key, token);
		assertThat(new String(json, StandardCharsets.UTF_8)).isEqualTo("{\"version\":1,\"issued_at_ms\":1000,"
				+ "\"expires_at_ms\":61000,\"token\":" + new String(plainToken(token), StandardCharsets.UTF_8) + "}");
		assertThat(plain.decode(key, json)).isEqualTo(token);
		assertThat(encrypted.decode(key, encrypted.encode(key, token))).isEqualTo(token);

		assertThatIllegalArgumentException().isThrownBy(() -> encrypted.decode(key, json))
			.withMessage("the value is not encrypted");
		assertThatIllegalArgumentException().isThrownBy(() -> plain.decode(key, encrypted.encode(key, token)))
			.withMessageContaining("no encryption key is configured");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> plain.decode(key, "{\"version\":2}".getBytes(StandardCharsets.UTF_8)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> plain.decode(key, "secret-token".getBytes(StandardCharsets.UTF_8)))
			.withMessageNotContaining("secret-token");
	}

	private static byte[] plainToken(SharedToken token) {
		return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsBytes(token.parameters());
	}
}
