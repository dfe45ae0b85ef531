package io.github.oauthclient.autoconfigure;

import java.time.Duration;

/**
 * The {@code jwt-assertion.*} keys of one registration after inheritance from {@code oauth.client}: where the signing
 * key of {@code private_key_jwt} is, which algorithm and key id to use, and how the assertions are addressed.
 * {@link #toString()} masks the passwords.
 *
 * @param propertyPrefix where the keys live, for messages ({@code <registration prefix>.jwt-assertion})
 * @param privateKeyLocation a PEM file with the private key, or {@code null}
 * @param privateKeyPassword the password of an encrypted PKCS#8 PEM file, or {@code null}
 * @param jwkLocation a JSON file with one private JWK, or {@code null}
 * @param keyStoreLocation a PKCS12 or JKS key store, or {@code null}
 * @param keyStoreType the key store type, or {@code null} for PKCS12
 * @param keyStorePassword the key store password, or {@code null}
 * @param keyStoreAlias the alias of the key entry, or {@code null} for the only one
 * @param keyStoreKeyPassword the password of the key entry, or {@code null} for the key store password
 * @param algorithm the JWS algorithm, or {@code null} for the key's default
 * @param keyId the {@code kid} header, or {@code null}
 * @param audience {@code token-endpoint}, {@code issuer}, an absolute URI, or {@code null} for token-endpoint
 * @param lifetime the lifetime of each assertion, or {@code null} for the default
 */
record JwtAssertionSettings(String propertyPrefix, String privateKeyLocation, String privateKeyPassword,
		String jwkLocation, String keyStoreLocation, String keyStoreType, String keyStorePassword,
		String keyStoreAlias, String keyStoreKeyPassword, String algorithm, String keyId, String audience,
		Duration lifetime) {

	/** The full name of one of the {@code jwt-assertion} keys, such as {@code oauth.client.jwt-assertion.key-id}. */
	String property(String key) {
		return this.propertyPrefix + "." + key;
	}

	/**
	 * Resolves the keys of {@code registration}: its own, and those of {@code root} it does not set, unless it has a
	 * client id of its own (a key belongs to one client, like its secret).
	 */
	static JwtAssertionSettings resolve(OAuthClientRegistrationProperties root,
			OAuthClientRegistrationProperties registration, String registrationPrefix) {
		OAuthClientRegistrationProperties.JwtAssertion own = registration.getJwtAssertion();
		OAuthClientRegistrationProperties.JwtAssertion inherited = (registration == root
				|| registration.getClientId() != null) ? own : root.getJwtAssertion();
		return new JwtAssertionSettings(registrationPrefix + ".jwt-assertion",
				pick(own.getPrivateKeyLocation(), inherited.getPrivateKeyLocation()),
				pick(own.getPrivateKeyPassword(), inherited.getPrivateKeyPassword()),
				pick(own.getJwkLocation(), inherited.getJwkLocation()),
				pick(own.getKeyStore().getLocation(), inherited.getKeyStore().getLocation()),
				pick(own.getKeyStore().getType(), inherited.getKeyStore().getType()),
				pick(own.getKeyStore().getPassword(), inherited.getKeyStore().getPassword()),
				pick(own.getKeyStore().getAlias(), inherited.getKeyStore().getAlias()),
				pick(own.getKeyStore().getKeyPassword(), inherited.getKeyStore().getKeyPassword()),
				pick(own.getAlgorithm(), inherited.getAlgorithm()), pick(own.getKeyId(), inherited.getKeyId()),
				pick(own.getAudience(), inherited.getAudience()),
				(own.getLifetime() != null) ? own.getLifetime() : inherited.getLifetime());
	}

	private static String pick(String own, String inherited) {
		String value = (own != null) ? own : inherited;
		return (value != null && !value.isBlank()) ? value.strip() : null;
	}

	@Override
	public String toString() {
		return "JwtAssertionSettings[privateKeyLocation=" + this.privateKeyLocation + ", jwkLocation="
				+ this.jwkLocation + ", keyStoreLocation=" + this.keyStoreLocation + ", keyStoreType="
				+ this.keyStoreType + ", keyStoreAlias=" + this.keyStoreAlias + ", passwords=******, algorithm="
				+ this.algorithm + ", keyId=" + this.keyId + ", audience=" + this.audience + ", lifetime="
				+ this.lifetime + "]";
	}

}
