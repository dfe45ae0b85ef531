package io.github.oauthclient.token.jwt;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import io.github.oauthclient.token.DpopProofs;

/**
 * DPoP proofs (RFC 9449 section 4) signed with Nimbus JOSE+JWT by an ES256 key pair generated for one registration
 * when it is created (the private key never leaves memory): header {@code typ=dpop+jwt}, {@code alg=ES256} and the
 * public {@code jwk}; claims {@code jti} (random), {@code htm}, {@code htu} (without query and fragment),
 * {@code iat}, {@code ath} (base64url SHA-256 of the access token) at resources, and {@code nonce} when the server
 * gave one for that origin.
 */
public final class DpopProofFactory implements DpopProofs {

	private final ECKey key;

	private final ECDSASigner signer;

	private final Clock clock;

	private final Map<String, String> nonces = new ConcurrentHashMap<>();

	private DpopProofFactory(ECKey key, Clock clock) throws JOSEException {
		this.key = key;
		this.signer = new ECDSASigner(key);
		this.clock = clock;
	}

	/** A factory with a new P-256 key pair. */
	public static DpopProofFactory generate(Clock clock) {
		try {
			return new DpopProofFactory(new ECKeyGenerator(Curve.P_256).generate(), Objects.requireNonNull(clock));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Could not generate the DPoP key pair: " + ex.getMessage(), ex);
		}
	}

	/** The JWK SHA-256 thumbprint of the public key (RFC 7638), which DPoP-bound tokens carry as {@code cnf.jkt}. */
	public String thumbprint() {
		try {
			return key.toPublicJWK().computeThumbprint().toString();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public String proof(String method, URI uri, String accessToken) {
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
				.jwtID(UUID.randomUUID().toString())
				.claim("htm", method)
				.claim("htu", htu(uri))
				.issueTime(Date.from(clock.instant()));
		if (accessToken != null) {
			claims.claim("ath", sha256(accessToken));
		}
		String nonce = nonces.get(origin(uri));
		if (nonce != null) {
			claims.claim("nonce", nonce);
		}
		JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType("dpop+jwt"))
				.jwk(key.toPublicJWK()).build();
		SignedJWT jwt = new SignedJWT(header, claims.build());
		try {
			jwt.sign(signer);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Could not sign the DPoP proof: " + ex.getMessage(), ex);
		}
		return jwt.serialize();
	}

	@Override
	public void nonce(URI uri, String nonce) {
		if (nonce != null && !nonce.isBlank()) {
			nonces.put(origin(uri), nonce);
		}
	}

	/** {@code htu}: the URI without query and fragment (RFC 9449 section 4.2). */
	static String htu(URI uri) {
		return uri.getScheme() + "://" + uri.getRawAuthority() + ((uri.getRawPath() != null) ? uri.getRawPath() : "");
	}

	private static String origin(URI uri) {
		return uri.getScheme() + "://" + uri.getRawAuthority();
	}

	private static String sha256(String value) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public String toString() {
		return "DpopProofFactory[ES256, jkt=" + thumbprint() + "]";
	}
}
