package io.github.oauthclient.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import com.nimbusds.jose.jwk.JWK;

import org.springframework.boot.io.ApplicationResourceLoader;
import org.springframework.boot.ssl.pem.PemContent;
import org.springframework.core.io.Resource;

import io.github.oauthclient.token.ClientAuthenticationMethod;
import io.github.oauthclient.token.jwt.ClientAssertionSigningKey;
import io.github.oauthclient.token.jwt.UnsuitableAlgorithmException;

/**
 * Reads the signing key of a registration's JWT client assertions: a PEM file (read by Boot's {@link PemContent}), a
 * JWK file (parsed by Nimbus) or a key store (the JDK's {@link KeyStore}); or, for {@code client_secret_jwt}, the
 * client secret. Locations are resolved like Boot's SSL bundles: {@code classpath:}, {@code file:}, or a file path.
 *
 * <p>Exists to turn each way a key can be unusable into a start-up error naming the property: missing or ambiguous
 * key, file not found, not a private key, wrong password, unknown alias, algorithm that does not fit the key.
 * Private keys are never logged; messages name files, never their content.
 */
final class JwtAssertionKeys {

	private JwtAssertionKeys() {
	}

	static ClientAssertionSigningKey signingKey(ResolvedRegistration registration) {
		JwtAssertionSettings settings = registration.jwtAssertion();
		if (registration.authenticationMethod() == ClientAuthenticationMethod.CLIENT_SECRET_JWT) {
			return fit(settings, registration.property("client-secret"),
					() -> ClientAssertionSigningKey.ofSecret(registration.clientSecret(), settings.algorithm()));
		}
		List<String> sources = new ArrayList<>();
		if (settings.privateKeyLocation() != null) {
			sources.add(settings.property("private-key-location"));
		}
		if (settings.jwkLocation() != null) {
			sources.add(settings.property("jwk-location"));
		}
		if (settings.keyStoreLocation() != null) {
			sources.add(settings.property("key-store.location"));
		}
		if (sources.isEmpty()) {
			throw new InvalidOAuthClientPropertyException(settings.property("private-key-location"),
					"is not set, and neither is " + settings.property("jwk-location") + " nor "
							+ settings.property("key-store.location") + ", but "
							+ registration.property("authentication-method") + " is private_key_jwt",
					"Set one of them to the client's private key (for example " + settings.property(
							"private-key-location") + ": file:/etc/secrets/client-key.pem); the authorization server "
							+ "must know the matching public key.");
		}
		if (sources.size() > 1) {
			throw new InvalidOAuthClientPropertyException(sources.get(0), "is set together with "
					+ String.join(" and ", sources.subList(1, sources.size())),
					"Set exactly one source of the private key.");
		}
		if (settings.privateKeyLocation() != null) {
			String property = settings.property("private-key-location");
			PrivateKey key = pemPrivateKey(settings, property);
			return fit(settings, property, () -> ClientAssertionSigningKey.of(key, settings.algorithm(),
					settings.keyId()));
		}
		if (settings.jwkLocation() != null) {
			String property = settings.property("jwk-location");
			JWK jwk = jwk(settings, property);
			return fit(settings, property, () -> ClientAssertionSigningKey.of(jwk, settings.algorithm(),
					settings.keyId()));
		}
		String property = settings.property("key-store.location");
		PrivateKey key = keyStorePrivateKey(settings, property);
		return fit(settings, property, () -> ClientAssertionSigningKey.of(key, settings.algorithm(),
				settings.keyId()));
	}

	/**
	 * Makes the signing key; an algorithm that does not fit the key is reported against the algorithm property, any
	 * other problem against {@code keyProperty}.
	 */
	private static ClientAssertionSigningKey fit(JwtAssertionSettings settings, String keyProperty,
			Supplier<ClientAssertionSigningKey> factory) {
		try {
			return factory.get();
		}
		catch (UnsuitableAlgorithmException ex) {
			if (settings.algorithm() == null) {
				// the alg of a JWK file
				throw new InvalidOAuthClientPropertyException(keyProperty, "cannot be used: " + ex.getMessage(),
						"Correct the key's alg, or set " + settings.property("algorithm") + ".");
			}
			throw new InvalidOAuthClientPropertyException(settings.property("algorithm"), "is " + settings.algorithm()
					+ ", which cannot be used: " + ex.getMessage(), "Set " + settings.property("algorithm")
							+ " to an algorithm the key signs with, or remove it to use the key's default.");
		}
		catch (IllegalArgumentException ex) {
			String action = keyProperty.endsWith(".client-secret")
					? "Use a longer client secret (or a shorter HMAC in " + settings.property("algorithm") + ")."
					: "Use an RSA key of at least 2048 bits or an EC key on P-256, P-384 or P-521.";
			throw new InvalidOAuthClientPropertyException(keyProperty, "cannot be used: " + ex.getMessage(), action);
		}
	}

	private static PrivateKey pemPrivateKey(JwtAssertionSettings settings, String property) {
		String location = settings.privateKeyLocation();
		PemContent pem;
		try (InputStream in = open(location, property)) {
			pem = PemContent.load(in);
		}
		catch (IOException ex) {
			throw unreadable(property, location, ex);
		}
		PrivateKey key;
		String problem;
		try {
			key = (settings.privateKeyPassword() != null) ? pem.getPrivateKey(settings.privateKeyPassword())
					: pem.getPrivateKey();
			problem = "no private key";
		}
		catch (RuntimeException ex) {
			key = null;
			problem = ex.getMessage();
		}
		if (key == null) {
			throw new InvalidOAuthClientPropertyException(property, "names '" + location
					+ "', which holds no private key that can be read (" + problem + ")",
					"Point it to a PEM file with a BEGIN PRIVATE KEY block (PKCS#8), BEGIN RSA PRIVATE KEY or BEGIN EC "
							+ "PRIVATE KEY; a certificate or public key is not enough. For BEGIN ENCRYPTED PRIVATE KEY "
							+ "set " + settings.property("private-key-password") + ".");
		}
		return key;
	}

	private static JWK jwk(JwtAssertionSettings settings, String property) {
		String location = settings.jwkLocation();
		String json;
		try (InputStream in = open(location, property)) {
			json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw unreadable(property, location, ex);
		}
		try {
			return JWK.parse(json);
		}
		catch (ParseException ex) {
			throw new InvalidOAuthClientPropertyException(property, "names '" + location
					+ "', which is not a JWK (" + ex.getMessage() + ")",
					"Point it to a JSON file with one private JWK (RFC 7517), such as {\"kty\":\"EC\",\"crv\":"
							+ "\"P-256\",\"d\":...}; a JWK set is not accepted.");
		}
	}

	private static PrivateKey keyStorePrivateKey(JwtAssertionSettings settings, String property) {
		String location = settings.keyStoreLocation();
		String type = (settings.keyStoreType() != null) ? settings.keyStoreType() : "PKCS12";
		char[] password = (settings.keyStorePassword() != null) ? settings.keyStorePassword().toCharArray() : null;
		KeyStore store;
		try (InputStream in = open(location, property)) {
			store = KeyStore.getInstance(type.toUpperCase(Locale.ROOT));
			store.load(in, password);
		}
		catch (java.security.KeyStoreException ex) {
			throw new InvalidOAuthClientPropertyException(settings.property("key-store.type"), "is '" + type
					+ "', which this JVM does not know", "Use PKCS12 (the default) or JKS.");
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new InvalidOAuthClientPropertyException(property, "names '" + location + "', which cannot be "
					+ "read as a " + type + " key store (" + ex.getMessage() + ")", "Check the file, "
							+ settings.property("key-store.type") + " and " + settings.property("key-store.password")
							+ ".");
		}
		String aliasProperty = settings.property("key-store.alias");
		String alias;
		try {
			alias = (settings.keyStoreAlias() != null) ? settings.keyStoreAlias() : onlyKeyAlias(store, aliasProperty,
					location);
			char[] keyPassword = (settings.keyStoreKeyPassword() != null)
					? settings.keyStoreKeyPassword().toCharArray() : password;
			if (!store.isKeyEntry(alias)) {
				throw new InvalidOAuthClientPropertyException(aliasProperty, "is '" + alias + "', but '" + location
						+ "' has no key entry of that name (key entries: " + keyAliases(store) + ")",
						"Set it to the alias of the private key entry.");
			}
			Key key = store.getKey(alias, keyPassword);
			if (!(key instanceof PrivateKey privateKey)) {
				throw new InvalidOAuthClientPropertyException(aliasProperty, "is '" + alias
						+ "', which is not a private key entry", "Set it to the alias of the private key entry.");
			}
			return privateKey;
		}
		catch (java.security.UnrecoverableKeyException ex) {
			throw new InvalidOAuthClientPropertyException(settings.property("key-store.key-password"),
					"does not unlock the key entry (" + ex.getMessage() + ")",
					"Set it to the password of the key entry (by default the key store password is used).");
		}
		catch (GeneralSecurityException ex) {
			throw new InvalidOAuthClientPropertyException(property, "names '" + location + "', whose key cannot be "
					+ "read (" + ex.getMessage() + ")", "Check the key store.");
		}
	}

	private static String onlyKeyAlias(KeyStore store, String aliasProperty, String location)
			throws GeneralSecurityException {
		List<String> keys = keyAliases(store);
		if (keys.size() != 1) {
			throw new InvalidOAuthClientPropertyException(aliasProperty, "is not set, but '" + location + "' has "
					+ keys.size() + " key entries " + keys, "Set it to the alias of the signing key.");
		}
		return keys.get(0);
	}

	private static List<String> keyAliases(KeyStore store) throws GeneralSecurityException {
		List<String> keys = new ArrayList<>();
		for (String alias : Collections.list(store.aliases())) {
			if (store.isKeyEntry(alias)) {
				keys.add(alias);
			}
		}
		return keys;
	}

	private static InputStream open(String location, String property) throws IOException {
		Resource resource = ApplicationResourceLoader.get().getResource(location);
		if (!resource.exists()) {
			throw new InvalidOAuthClientPropertyException(property, "names '" + location + "', which does not exist",
					"Correct the location (classpath:..., file:... or a file path).");
		}
		return resource.getInputStream();
	}

	private static InvalidOAuthClientPropertyException unreadable(String property, String location, IOException ex) {
		return new InvalidOAuthClientPropertyException(property, "names '" + location + "', which cannot be read ("
				+ ex.getMessage() + ")", "Check the location and the file's permissions.");
	}

}
