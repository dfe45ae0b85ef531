package io.github.oauthclient.token.jwt;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.util.List;
import java.util.Objects;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;

/**
 * A key that signs JWT client assertions, the JWS algorithm it signs with and its key id ({@code kid}), checked to
 * fit together when it is made.
 *
 * <p>Exists so that a key that cannot sign with the configured algorithm (an EC key with RS256, a P-384 key with
 * ES256, a 1024-bit RSA key, a 16-byte secret with HS256) is refused at start-up with a message saying which
 * algorithms the key can sign with, instead of being rejected by the authorization server on the first request.
 * Signing itself is Nimbus JOSE+JWT's.
 */
public final class ClientAssertionSigningKey {

	private static final List<JWSAlgorithm> RSA_ALGORITHMS = List.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
			JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512);

	private static final List<JWSAlgorithm> HMAC_ALGORITHMS = List.of(JWSAlgorithm.HS256, JWSAlgorithm.HS384,
			JWSAlgorithm.HS512);

	private final JWSSigner signer;

	private final JWSAlgorithm algorithm;

	private final String keyId;

	private ClientAssertionSigningKey(JWSSigner signer, JWSAlgorithm algorithm, String keyId) {
		this.signer = signer;
		this.algorithm = algorithm;
		this.keyId = keyId;
	}

	/**
	 * A private RSA or EC key (from a PEM file or a key store).
	 *
	 * @param key the private key
	 * @param algorithm the JWS algorithm name, or {@code null} for the key's default (RS256 for RSA, ES256, ES384 or
	 * ES512 by the curve for EC)
	 * @param keyId the {@code kid} header, or {@code null} for none
	 * @throws IllegalArgumentException when the key cannot be used ({@link UnsuitableAlgorithmException} when it
	 * cannot sign with the algorithm, naming the ones it can)
	 */
	public static ClientAssertionSigningKey of(PrivateKey key, String algorithm, String keyId) {
		Objects.requireNonNull(key, "key");
		if (key instanceof RSAPrivateKey rsa) {
			JWSAlgorithm chosen = choose(algorithm, JWSAlgorithm.RS256, RSA_ALGORITHMS, describe(key));
			int bits = rsa.getModulus().bitLength();
			if (bits < 2048) {
				throw new IllegalArgumentException("the RSA key has " + bits + " bits; " + chosen
						+ " needs at least 2048 (RFC 7518 section 3.3)");
			}
			return new ClientAssertionSigningKey(new RSASSASigner(key), chosen, keyId);
		}
		if (key instanceof ECPrivateKey ec) {
			Curve curve = Curve.forECParameterSpec(ec.getParams());
			JWSAlgorithm curveAlgorithm = ecAlgorithm(curve);
			if (curveAlgorithm == null) {
				throw new IllegalArgumentException("the EC key is on the curve " + ((curve != null) ? curve : "unknown")
						+ "; JWT client assertions need P-256 (ES256), P-384 (ES384) or P-521 (ES512)");
			}
			JWSAlgorithm chosen = choose(algorithm, curveAlgorithm, List.of(curveAlgorithm), describe(key));
			try {
				return new ClientAssertionSigningKey(new ECDSASigner(ec), chosen, keyId);
			}
			catch (JOSEException ex) {
				throw new IllegalArgumentException("the EC key cannot sign: " + ex.getMessage(), ex);
			}
		}
		throw new IllegalArgumentException("the key is " + describe(key) + "; private_key_jwt needs an RSA key ("
				+ names(RSA_ALGORITHMS) + ") or an EC key (ES256, ES384, ES512)");
	}

	/**
	 * A private JWK (RFC 7517): an RSA or EC key with its private parts.
	 *
	 * @param jwk the key
	 * @param algorithm the JWS algorithm name, or {@code null} for the JWK's {@code alg}, else the key's default
	 * @param keyId the {@code kid} header, or {@code null} for the JWK's own {@code kid}
	 * @throws IllegalArgumentException when it is a public or symmetric key or does not fit the algorithm
	 */
	public static ClientAssertionSigningKey of(JWK jwk, String algorithm, String keyId) {
		Objects.requireNonNull(jwk, "jwk");
		if (!jwk.isPrivate()) {
			throw new IllegalArgumentException("the JWK (kty " + jwk.getKeyType() + ") has no private parts; "
					+ "private_key_jwt signs with the private key, the server gets the public one");
		}
		String effectiveAlgorithm = (algorithm != null) ? algorithm
				: (jwk.getAlgorithm() != null) ? jwk.getAlgorithm().getName() : null;
		String effectiveKeyId = (keyId != null) ? keyId : jwk.getKeyID();
		try {
			if (jwk instanceof RSAKey rsa) {
				return of(rsa.toPrivateKey(), effectiveAlgorithm, effectiveKeyId);
			}
			if (jwk instanceof ECKey ec) {
				return of(ec.toECPrivateKey(), effectiveAlgorithm, effectiveKeyId);
			}
		}
		catch (JOSEException ex) {
			throw new IllegalArgumentException("the JWK is not a usable private key: " + ex.getMessage(), ex);
		}
		throw new IllegalArgumentException("the JWK has kty " + jwk.getKeyType()
				+ "; private_key_jwt needs an RSA or EC key (client_secret_jwt signs with the client secret)");
	}

	/**
	 * The client secret as HMAC key, for {@code client_secret_jwt} (OpenID Connect Core section 9: the octets of its
	 * UTF-8 representation).
	 *
	 * @param secret the client secret
	 * @param algorithm HS256, HS384 or HS512, or {@code null} for HS256
	 * @throws IllegalArgumentException when the algorithm is not HMAC or the secret is too short for it
	 */
	public static ClientAssertionSigningKey ofSecret(String secret, String algorithm) {
		Objects.requireNonNull(secret, "secret");
		JWSAlgorithm chosen = choose(algorithm, JWSAlgorithm.HS256, HMAC_ALGORITHMS, "the client secret");
		byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
		try {
			int minimum = MACSigner.getMinRequiredSecretLength(chosen);
			if (bytes.length * 8 < minimum) {
				throw new IllegalArgumentException("the client secret has " + bytes.length + " bytes (UTF-8); "
						+ chosen + " needs at least " + (minimum / 8) + " (RFC 7518 section 3.2)");
			}
			return new ClientAssertionSigningKey(new MACSigner(bytes), chosen, null);
		}
		catch (JOSEException ex) {
			throw new IllegalArgumentException("the client secret cannot key " + chosen + ": " + ex.getMessage(), ex);
		}
	}

	/** The signer (Nimbus). */
	JWSSigner signer() {
		return signer;
	}

	/** The JWS algorithm of the {@code alg} header. */
	public JWSAlgorithm algorithm() {
		return algorithm;
	}

	/** The {@code kid} header, or {@code null}. */
	public String keyId() {
		return keyId;
	}

	@Override
	public String toString() {
		return "ClientAssertionSigningKey[alg=" + algorithm + ", kid=" + keyId + "]";
	}

	private static JWSAlgorithm choose(String requested, JWSAlgorithm defaultAlgorithm, List<JWSAlgorithm> allowed,
			String keyDescription) {
		if (requested == null || requested.isBlank()) {
			return defaultAlgorithm;
		}
		String name = requested.strip();
		for (JWSAlgorithm candidate : allowed) {
			if (candidate.getName().equalsIgnoreCase(name)) {
				return candidate;
			}
		}
		throw new UnsuitableAlgorithmException("the algorithm " + name + " does not fit " + keyDescription
				+ ", which signs with " + names(allowed));
	}

	private static JWSAlgorithm ecAlgorithm(Curve curve) {
		if (Curve.P_256.equals(curve)) {
			return JWSAlgorithm.ES256;
		}
		if (Curve.P_384.equals(curve)) {
			return JWSAlgorithm.ES384;
		}
		if (Curve.P_521.equals(curve)) {
			return JWSAlgorithm.ES512;
		}
		return null;
	}

	private static String describe(PrivateKey key) {
		if (key instanceof RSAPrivateKey rsa) {
			return "an RSA key (" + rsa.getModulus().bitLength() + " bits)";
		}
		if (key instanceof ECPrivateKey ec) {
			Curve curve = Curve.forECParameterSpec(ec.getParams());
			return "an EC key on " + ((curve != null) ? curve.getName() : "an unknown curve");
		}
		return "a " + key.getAlgorithm() + " key";
	}

	private static String names(List<JWSAlgorithm> algorithms) {
		return String.join(", ", algorithms.stream().map(JWSAlgorithm::getName).toList());
	}
}
