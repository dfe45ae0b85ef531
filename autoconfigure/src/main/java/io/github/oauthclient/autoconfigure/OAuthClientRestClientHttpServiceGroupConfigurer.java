package io.github.oauthclient.autoconfigure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientHttpServiceGroupConfigurer;

import io.github.oauthclient.http.OAuthClientHttpRequestInterceptor;

/**
 * Gives the RestClient of each HTTP service group mapped by {@code http-service-groups} the interceptor of its
 * registration, in place of the routing interceptor that Boot's {@code RestClientCustomizer}s added to every group.
 * Runs after Boot's own group configurers.
 */
public class OAuthClientRestClientHttpServiceGroupConfigurer implements RestClientHttpServiceGroupConfigurer {

	private final Map<String, OAuthClientHttpRequestInterceptor> interceptors = new LinkedHashMap<>();

	OAuthClientRestClientHttpServiceGroupConfigurer(HttpServiceGroupMappings mappings) {
		for (String group : mappings.groups()) {
			this.interceptors.put(group, new OAuthClientHttpRequestInterceptor(List.of(mappings.route(group))));
		}
	}

	@Override
	public void configureGroups(Groups<RestClient.Builder> groups) {
		if (this.interceptors.isEmpty()) {
			return;
		}
		groups.filterByName(this.interceptors.keySet().toArray(String[]::new))
			.forEachClient((group, builder) -> builder.requestInterceptors((list) -> {
				list.removeIf(OAuthClientHttpRequestInterceptor.class::isInstance);
				list.add(this.interceptors.get(group.name()));
			}));
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
