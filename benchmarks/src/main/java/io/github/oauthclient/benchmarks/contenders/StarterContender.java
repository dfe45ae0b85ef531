package io.github.oauthclient.benchmarks.contenders;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.oauthclient.http.OAuthClientHttpRequestInterceptor;

import org.springframework.http.client.ClientHttpRequestInterceptor;

/**
 * Ours, exactly as the starter wires it: a Boot application configured only through {@code oauth.client.*}
 * properties, and the interceptor the auto-configuration installed into its Boot-built {@code RestClient}, so
 * the measured path includes resource-URL matching, the TLS rule and the token cache.
 */
public final class StarterContender implements Contender {

	private final BootApplication application;

	private final ClientHttpRequestInterceptor interceptor;

	/**
	 * @param tokenUri the token endpoint
	 * @param resourceUrl the one resource URL tokens may be sent to (requests under it get a token)
	 */
	public StarterContender(URI tokenUri, URI resourceUrl) {
		this(tokenUri, resourceUrl, Map.of());
	}

	/**
	 * @param tokenUri the token endpoint
	 * @param resourceUrl the one resource URL tokens may be sent to (requests under it get a token)
	 * @param otherProperties further application properties (e.g. which HTTP client Boot builds clients with)
	 */
	public StarterContender(URI tokenUri, URI resourceUrl, Map<String, Object> otherProperties) {
		Map<String, Object> properties = properties(tokenUri, resourceUrl);
		properties.putAll(otherProperties);
		this.application = new BootApplication(properties);
		List<ClientHttpRequestInterceptor> installed = this.application.installedInterceptors();
		if (installed.size() != 1 || !(installed.get(0) instanceof OAuthClientHttpRequestInterceptor)) {
			this.application.close();
			throw new IllegalStateException("Expected the starter to install exactly one "
					+ "OAuthClientHttpRequestInterceptor in a Boot-built RestClient, found " + installed);
		}
		this.interceptor = installed.get(0);
	}

	/** The {@code oauth.client.*} properties of a user with one API to call. */
	public static Map<String, Object> properties(URI tokenUri, URI resourceUrl) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("oauth.client.token-uri", tokenUri.toString());
		properties.put("oauth.client.client-id", Credentials.CLIENT_ID);
		properties.put("oauth.client.client-secret", Credentials.CLIENT_SECRET);
		properties.put("oauth.client.scope", Credentials.SCOPE);
		properties.put("oauth.client.resource-urls", resourceUrl.toString());
		return properties;
	}

	/** The Boot application behind this contender (for a {@code RestClient.Builder} to build real clients). */
	public BootApplication application() {
		return this.application;
	}

	@Override
	public String name() {
		return "ours";
	}

	@Override
	public ClientHttpRequestInterceptor interceptor() {
		return this.interceptor;
	}

	@Override
	public void close() {
		this.application.close();
	}

}
