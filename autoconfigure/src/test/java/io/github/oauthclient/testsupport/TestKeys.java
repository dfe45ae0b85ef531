package io.github.oauthclient.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Throwaway key material for tests, generated at run time (JDK {@link KeyPairGenerator}, the JDK's {@code keytool}
 * for key stores and certificates) and written to a test's temporary directory: no private key is ever committed.
 */
public final class TestKeys {

	private TestKeys() {
	}

	/** A fresh 2048-bit RSA key pair. */
	public static KeyPair rsa() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A fresh EC key pair on {@code curve} ({@code secp256r1}, {@code secp384r1}, ...). */
	public static KeyPair ec(String curve) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec(curve));
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Writes {@code key} as a PKCS#8 PEM file ({@code BEGIN PRIVATE KEY}). */
	public static Path writePkcs8Pem(PrivateKey key, Path file) {
		return write(file, pem("PRIVATE KEY", key.getEncoded()));
	}

	/** Writes {@code key} as a PEM public key ({@code BEGIN PUBLIC KEY}), which is no private key. */
	public static Path writePublicPem(PublicKey key, Path file) {
		return write(file, pem("PUBLIC KEY", key.getEncoded()));
	}

	/** PEM text of {@code der} with the given label. */
	public static String pem(String label, byte[] der) {
		return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
				.encodeToString(der) + "\n-----END " + label + "-----\n";
	}

	/**
	 * Runs the JDK's {@code keytool} with {@code arguments} and fails with its output if it fails.
	 */
	public static void keytool(String... arguments) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
		command.addAll(List.of(arguments));
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			byte[] output;
			try (InputStream in = process.getInputStream()) {
				output = in.readAllBytes();
			}
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException("keytool " + String.join(" ", arguments) + " failed: "
						+ new String(output, StandardCharsets.UTF_8));
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Generates a key store with one key pair and its self-signed certificate under {@code alias}.
	 *
	 * @param type PKCS12 or JKS
	 * @param keyAlgorithm RSA or EC
	 */
	public static Path generateKeyStore(Path file, String type, String alias, String password, String keyAlgorithm,
			String distinguishedName) {
		List<String> arguments = new ArrayList<>(List.of("-genkeypair", "-alias", alias, "-keyalg", keyAlgorithm,
				"-dname", distinguishedName, "-validity", "2", "-storetype", type, "-keystore", file.toString(),
				"-storepass", password, "-keypass", password));
		if (keyAlgorithm.equals("RSA")) {
			arguments.addAll(List.of("-keysize", "2048"));
		}
		keytool(arguments.toArray(String[]::new));
		return file;
	}

	/** Loads a key store. */
	public static KeyStore load(Path file, String type, String password) {
		try (InputStream in = Files.newInputStream(file)) {
			KeyStore store = KeyStore.getInstance(type);
			store.load(in, password.toCharArray());
			return store;
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Path write(Path file, String content) {
		try {
			return Files.writeString(file, content, StandardCharsets.US_ASCII);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
