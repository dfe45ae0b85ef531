package io.github.oauthclient.autoconfigure;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.oauthclient.core.BackendApplicationClient;
import io.github.oauthclient.http.OAuthClientHttpRequestInterceptor;
import io.github.oauthclient.token.TokenProvider;

/**
 * Every configured OAuth client registration by name: its client, token provider and interceptor, plus the
 * interceptor that routes between all of them (the one added to Boot-built RestTemplate and RestClient instances).
 *
 * <p>Exists so that applications with several registrations can reach any of them, for example to call
 * {@code registry.tokenProvider("billing").token()} or to add {@code registry.interceptor("billing")} to a client
 * built by hand. The registration at the root of {@code oauth.client} is named
 * {@value RegistrationResolver#DEFAULT_REGISTRATION}.
 */
public final class OAuthClientRegistry {

	private final Map<String, OAuthClientRegistration> registrations;

	private final OAuthClientHttpRequestInterceptor interceptor;

	/**
	 * Creates a registry.
	 * @param registrations the registrations, with distinct names
	 */
	public OAuthClientRegistry(List<OAuthClientRegistration> registrations) {
		Map<String, OAuthClientRegistration> byName = new LinkedHashMap<>();
		for (OAuthClientRegistration registration : registrations) {
			if (byName.putIfAbsent(registration.name(), registration) != null) {
				throw new IllegalArgumentException("Duplicate registration name '" + registration.name() + "'");
			}
		}
		this.registrations = Collections.unmodifiableMap(byName);
		this.interceptor = new OAuthClientHttpRequestInterceptor(
				registrations.stream().map(OAuthClientRegistration::route).toList());
	}

	/** The registration names, the default one first. */
	public Set<String> names() {
		return this.registrations.keySet();
	}

	/**
	 * The registration called {@code name}.
	 * @param name a registration name
	 * @return its parts
	 * @throws IllegalArgumentException naming the known registrations when there is none by that name
	 */
	public OAuthClientRegistration registration(String name) {
		OAuthClientRegistration registration = this.registrations.get(name);
		if (registration == null) {
			throw new IllegalArgumentException("No OAuth client registration named '" + name + "'; configured: "
					+ names() + " (the keys at the root of oauth.client form the registration '"
					+ RegistrationResolver.DEFAULT_REGISTRATION + "', others live under oauth.client.registrations)");
		}
		return registration;
	}

	/** The client of registration {@code name}. */
	public BackendApplicationClient client(String name) {
		return registration(name).client();
	}

	/** The token provider of registration {@code name}. */
	public TokenProvider tokenProvider(String name) {
		return registration(name).tokenProvider();
	}

	/** An interceptor for registration {@code name} alone. */
	public OAuthClientHttpRequestInterceptor interceptor(String name) {
		return registration(name).interceptor();
	}

	/** The interceptor routing every request to the registration whose resource URLs match it. */
	public OAuthClientHttpRequestInterceptor interceptor() {
		return this.interceptor;
	}

	@Override
	public String toString() {
		return "OAuthClientRegistry" + names();
	}

}
