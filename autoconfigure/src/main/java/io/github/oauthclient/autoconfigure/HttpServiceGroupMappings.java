package io.github.oauthclient.autoconfigure;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.oauthclient.http.TokenRoute;

/**
 * Which HTTP service group ({@code @ImportHttpServices(group = ...)}) is mapped to which registration by
 * {@code http-service-groups}, and the route its clients use: the registration's token for every request of the
 * group ({@link TokenRoute#withoutResourceUrls()}). Built and validated once at start-up.
 */
final class HttpServiceGroupMappings {

	private final Map<String, Mapping> byGroup;

	private HttpServiceGroupMappings(Map<String, Mapping> byGroup) {
		this.byGroup = Collections.unmodifiableMap(byGroup);
	}

	/**
	 * Reads {@code oauth.client.http-service-groups} and {@code oauth.client.registrations.<name>.http-service-groups}.
	 * @throws InvalidOAuthClientPropertyException for a group listed twice, a blank name, or groups at the root of
	 * oauth.client without a default registration
	 */
	static HttpServiceGroupMappings of(OAuthClientProperties properties, OAuthClientRegistry registry) {
		Map<String, Mapping> byGroup = new LinkedHashMap<>();
		String rootProperty = OAuthClientProperties.PREFIX + ".http-service-groups";
		if (!isEmpty(properties.getHttpServiceGroups())) {
			if (!registry.names().contains(RegistrationResolver.DEFAULT_REGISTRATION)) {
				throw new InvalidOAuthClientPropertyException(rootProperty,
						"maps groups to the default registration, but there is none (" + OAuthClientProperties.PREFIX
								+ ".client-id is not set)",
						"Move the list to " + OAuthClientProperties.PREFIX
								+ ".registrations.<name>.http-service-groups of the registration whose token the "
								+ "groups need, or set " + OAuthClientProperties.PREFIX + ".client-id.");
			}
			add(byGroup, properties.getHttpServiceGroups(), rootProperty,
					registry.registration(RegistrationResolver.DEFAULT_REGISTRATION).route());
		}
		properties.getRegistrations().forEach((name, registration) -> {
			if (!isEmpty(registration.getHttpServiceGroups()) && registry.names().contains(name)) {
				add(byGroup, registration.getHttpServiceGroups(),
						OAuthClientProperties.PREFIX + ".registrations." + name + ".http-service-groups",
						registry.registration(name).route());
			}
		});
		return new HttpServiceGroupMappings(byGroup);
	}

	private static void add(Map<String, Mapping> byGroup, List<String> groups, String property, TokenRoute route) {
		for (String group : groups) {
			if (group == null || group.isBlank()) {
				throw new InvalidOAuthClientPropertyException(property, "contains an empty group name",
						"List the names used in @ImportHttpServices(group = \"...\").");
			}
			Mapping previous = byGroup.putIfAbsent(group.strip(), new Mapping(property, route.withoutResourceUrls()));
			if (previous != null) {
				throw new InvalidOAuthClientPropertyException(property,
						"lists HTTP service group '" + group.strip() + "', which " + previous.property()
								+ " lists as well",
						"Map each group to one registration only: its clients send that registration's token.");
			}
		}
	}

	private static boolean isEmpty(List<String> groups) {
		return groups == null || groups.isEmpty();
	}

	/** The mapped group names, in configuration order. */
	Set<String> groups() {
		return this.byGroup.keySet();
	}

	/** The route of a mapped group's clients. */
	TokenRoute route(String group) {
		return this.byGroup.get(group).route();
	}

	/** The property that maps {@code group}, for messages. */
	String property(String group) {
		return this.byGroup.get(group).property();
	}

	@Override
	public String toString() {
		Map<String, String> registrations = new LinkedHashMap<>();
		this.byGroup.forEach((group, mapping) -> registrations.put(group, mapping.route().registrationId()));
		return "HttpServiceGroupMappings" + registrations;
	}

	/** The property that maps a group and the route its clients use. */
	private record Mapping(String property, TokenRoute route) {
	}

}
