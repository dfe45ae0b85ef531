package io.github.oauthclient.autoconfigure;

import java.security.KeyStore;
import java.security.KeyStoreException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.boot.ssl.SslBundle;

/**
 * Checks at start-up that a registration authenticating with {@code tls_client_auth} or
 * {@code self_signed_tls_client_auth} (RFC 8705) has a client certificate: an SSL bundle ({@code ssl-bundle}, or
 * Boot's {@code spring.http.clients} bundle) whose key store holds a private key entry, the one named by the bundle's
 * {@code key.alias} if set.
 *
 * <p>Exists because a missing client certificate is otherwise silent: the TLS handshake succeeds without one and the
 * server answers {@code invalid_client}, which does not say that the certificate never left the client.
 */
final class ClientCertificates {

	private ClientCertificates() {
	}

	static void require(ResolvedRegistration registration, SslBundle bundle) {
		String property = registration.property("ssl-bundle");
		String method = registration.authenticationMethod().value();
		if (bundle == null) {
			throw new InvalidOAuthClientPropertyException(property, "is not set, but "
					+ registration.property("authentication-method") + " is " + method
					+ ", which authenticates with a TLS client certificate",
					"Define an SSL bundle with the client's key and certificate (spring.ssl.bundle.pem.<name>.keystore"
							+ " or spring.ssl.bundle.jks.<name>.keystore) and set " + property + " to its name.");
		}
		KeyStore keyStore = (bundle.getStores() != null) ? bundle.getStores().getKeyStore() : null;
		String alias = (bundle.getKey() != null) ? bundle.getKey().getAlias() : null;
		List<String> keyEntries = keyEntries(keyStore);
		if (keyEntries.isEmpty()) {
			throw new InvalidOAuthClientPropertyException(property, "names an SSL bundle without a client "
					+ "certificate (its key store " + ((keyStore == null) ? "is missing" : "holds no private key")
					+ "), but " + registration.property("authentication-method") + " is " + method,
					"Add the client's private key and certificate to the bundle's keystore (not only a truststore).");
		}
		if (alias != null && !keyEntries.contains(alias)) {
			throw new InvalidOAuthClientPropertyException(property, "names an SSL bundle whose key.alias '" + alias
					+ "' is not a private key entry of its key store (key entries: " + keyEntries + ")",
					"Correct the bundle's key.alias.");
		}
	}

	private static List<String> keyEntries(KeyStore keyStore) {
		List<String> entries = new ArrayList<>();
		if (keyStore == null) {
			return entries;
		}
		try {
			for (String alias : Collections.list(keyStore.aliases())) {
				if (keyStore.isKeyEntry(alias)) {
					entries.add(alias);
				}
			}
		}
		catch (KeyStoreException ex) {
			// an uninitialized store has no entries
		}
		return entries;
	}

}
