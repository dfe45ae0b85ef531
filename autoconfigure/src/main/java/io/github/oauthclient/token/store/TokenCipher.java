package io.github.oauthclient.token.store;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM encryption of shared tokens at rest, with the JDK's {@code javax.crypto}.
 *
 * <p>Exists so that whoever can read the shared store (an operator with {@code redis-cli}, a backup, a neighbour
 * service on the same Redis) cannot use the tokens in it, and cannot plant one either: GCM authenticates every value,
 * bound to its key name, so a value copied to another key or altered fails to decrypt. Each value gets a fresh random
 * 12-byte IV: {@code 0x01 | IV (12 bytes) | ciphertext | tag (16 bytes)}. The key is never logged, nor shown by
 * {@link #toString()}.
 */
public final class TokenCipher {

	/** The first byte of every encrypted value (a plain JSON value starts with {@code '{'}). */
	static final byte FORMAT = 0x01;

	private static final int KEY_BYTES = 32;

	private static final int IV_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SecretKeySpec key;

	private TokenCipher(byte[] key) {
		this.key = new SecretKeySpec(key, "AES");
	}

	/**
	 * A cipher for a key given as base64 of 32 random bytes ({@code openssl rand -base64 32}).
	 *
	 * @throws IllegalArgumentException when the text is not base64 or not 32 bytes (the message never shows it)
	 */
	public static TokenCipher fromBase64Key(String base64) {
		byte[] key;
		try {
			key = Base64.getDecoder().decode(base64.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("the encryption key is not valid base64");
		}
		if (key.length != KEY_BYTES) {
			throw new IllegalArgumentException("the encryption key must be 32 bytes (AES-256), base64-encoded, but it"
					+ " decodes to " + key.length + " bytes");
		}
		TokenCipher cipher = new TokenCipher(key);
		Arrays.fill(key, (byte) 0);
		return cipher;
	}

	/** Encrypts {@code plain}, authenticating {@code associated} (the key name) with it. */
	public byte[] encrypt(byte[] plain, byte[] associated) {
		byte[] iv = new byte[IV_BYTES];
		RANDOM.nextBytes(iv);
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
			cipher.updateAAD(associated);
			byte[] sealed = cipher.doFinal(plain);
			return ByteBuffer.allocate(1 + IV_BYTES + sealed.length).put(FORMAT).put(iv).put(sealed).array();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Decrypts a value made by {@link #encrypt}.
	 *
	 * @throws IllegalArgumentException when it is not such a value, or was made with another key or for another key
	 * name, or was altered
	 */
	public byte[] decrypt(byte[] value, byte[] associated) {
		if (value.length < 1 + IV_BYTES + TAG_BITS / 8 || value[0] != FORMAT) {
			throw new IllegalArgumentException("the value is not encrypted");
		}
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, value, 1, IV_BYTES));
			cipher.updateAAD(associated);
			return cipher.doFinal(value, 1 + IV_BYTES, value.length - 1 - IV_BYTES);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException("the value does not decrypt with the configured key");
		}
	}

	@Override
	public String toString() {
		return "TokenCipher[AES-256-GCM]";
	}
}
