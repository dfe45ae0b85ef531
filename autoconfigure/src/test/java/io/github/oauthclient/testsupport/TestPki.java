package io.github.oauthclient.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

/**
 * A throwaway PKI for mutual TLS tests, made with the JDK's {@code keytool} in a temporary directory: a CA, a server
 * certificate for {@code 127.0.0.1}, client certificates issued by the CA, self-signed client certificates, and the
 * PKCS12 key and trust stores that Boot's SSL bundles ({@code spring.ssl.bundle.jks.*}) read. Nothing is committed.
 */
public final class TestPki {

	/** The password of every store made here. */
	public static final String PASSWORD = "test-pki-pass";

	private final Path dir;

	private TestPki(Path dir) {
		this.dir = dir;
	}

	/** Creates the CA in {@code dir}. */
	public static TestPki create(Path dir) {
		TestPki pki = new TestPki(dir);
		TestKeys.keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-dname", "CN=Throwaway Test CA", "-ext",
				"bc:c", "-validity", "2", "-storetype", "PKCS12", "-keystore", pki.path("ca.p12"), "-storepass",
				PASSWORD);
		TestKeys.keytool("-exportcert", "-alias", "ca", "-keystore", pki.path("ca.p12"), "-storepass", PASSWORD,
				"-rfc", "-file", pki.path("ca.pem"));
		return pki;
	}

	/**
	 * Issues a certificate signed by the CA into the key store {@code <name>.p12} (alias {@code name}, with the CA
	 * certificate in the chain).
	 *
	 * @param extensions keytool {@code -ext} values, such as {@code eku=clientAuth} or {@code san=ip:127.0.0.1}
	 * @return the key store
	 */
	public Path issue(String name, String distinguishedName, String... extensions) {
		String store = path(name + ".p12");
		TestKeys.keytool("-genkeypair", "-alias", name, "-keyalg", "EC", "-dname", distinguishedName, "-validity", "2",
				"-storetype", "PKCS12", "-keystore", store, "-storepass", PASSWORD);
		TestKeys.keytool("-certreq", "-alias", name, "-keystore", store, "-storepass", PASSWORD, "-file",
				path(name + ".csr"));
		java.util.List<String> gencert = new java.util.ArrayList<>(java.util.List.of("-gencert", "-alias", "ca",
				"-keystore", path("ca.p12"), "-storepass", PASSWORD, "-infile", path(name + ".csr"), "-outfile",
				path(name + ".pem"), "-rfc", "-validity", "2"));
		for (String extension : extensions) {
			gencert.add("-ext");
			gencert.add(extension);
		}
		TestKeys.keytool(gencert.toArray(String[]::new));
		TestKeys.keytool("-importcert", "-alias", "ca", "-keystore", store, "-storepass", PASSWORD, "-file",
				path("ca.pem"), "-noprompt");
		TestKeys.keytool("-importcert", "-alias", name, "-keystore", store, "-storepass", PASSWORD, "-file",
				path(name + ".pem"), "-noprompt");
		return dir.resolve(name + ".p12");
	}

	/** A self-signed certificate and its key in the key store {@code <name>.p12} (alias {@code name}). */
	public Path selfSigned(String name, String distinguishedName) {
		String store = path(name + ".p12");
		TestKeys.keytool("-genkeypair", "-alias", name, "-keyalg", "EC", "-dname", distinguishedName, "-validity", "2",
				"-storetype", "PKCS12", "-keystore", store, "-storepass", PASSWORD);
		TestKeys.keytool("-exportcert", "-alias", name, "-keystore", store, "-storepass", PASSWORD, "-rfc", "-file",
				path(name + ".pem"));
		return dir.resolve(name + ".p12");
	}

	/** A trust store {@code <name>.p12} with the CA certificate and the certificates of {@code alsoTrusted}. */
	public Path trustStore(String name, String... alsoTrusted) {
		String store = path(name + ".p12");
		TestKeys.keytool("-importcert", "-alias", "ca", "-keystore", store, "-storetype", "PKCS12", "-storepass",
				PASSWORD, "-file", path("ca.pem"), "-noprompt");
		for (String other : alsoTrusted) {
			TestKeys.keytool("-importcert", "-alias", other, "-keystore", store, "-storepass", PASSWORD, "-file",
					path(other + ".pem"), "-noprompt");
		}
		return dir.resolve(name + ".p12");
	}

	/** The certificate of {@code name} ({@code <name>.pem}). */
	public X509Certificate certificate(String name) {
		try (InputStream in = Files.newInputStream(dir.resolve(name + ".pem"))) {
			return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
		}
		catch (IOException | CertificateException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The properties of a Boot SSL bundle {@code spring.ssl.bundle.jks.<bundle>} with the key store and key of
	 * {@code keyName} (or none when {@code null}) and the trust store {@code trustName}.
	 */
	public String[] bundleProperties(String bundle, String keyName, String trustName) {
		String prefix = "spring.ssl.bundle.jks." + bundle + ".";
		java.util.List<String> properties = new java.util.ArrayList<>();
		if (keyName != null) {
			properties.add(prefix + "keystore.location=file:" + path(keyName + ".p12"));
			properties.add(prefix + "keystore.password=" + PASSWORD);
			properties.add(prefix + "keystore.type=PKCS12");
			properties.add(prefix + "key.alias=" + keyName);
		}
		properties.add(prefix + "truststore.location=file:" + path(trustName + ".p12"));
		properties.add(prefix + "truststore.password=" + PASSWORD);
		properties.add(prefix + "truststore.type=PKCS12");
		return properties.toArray(String[]::new);
	}

	private String path(String file) {
		return dir.resolve(file).toString();
	}
}
