package io.github.oauthclient.autoconfigure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.support.WebClientHttpServiceGroupConfigurer;

import io.github.oauthclient.reactive.OAuthClientExchangeFilterFunction;

/**
 * Gives the WebClient of each HTTP service group mapped by {@code http-service-groups} the filter of its
 * registration, in place of the routing filter that Boot's {@code WebClientCustomizer}s added to every group. Runs
 * after Boot's own group configurers.
 */
public class OAuthClientWebClientHttpServiceGroupConfigurer implements WebClientHttpServiceGroupConfigurer {

	private final Map<String, OAuthClientExchangeFilterFunction> filters = new LinkedHashMap<>();

	OAuthClientWebClientHttpServiceGroupConfigurer(HttpServiceGroupMappings mappings) {
		for (String group : mappings.groups()) {
			this.filters.put(group, new OAuthClientExchangeFilterFunction(List.of(mappings.route(group))));
		}
	}

	@Override
	public void configureGroups(Groups<WebClient.Builder> groups) {
		if (this.filters.isEmpty()) {
			return;
		}
		groups.filterByName(this.filters.keySet().toArray(String[]::new))
			.forEachClient((group, builder) -> builder.filters((list) -> {
				list.removeIf(OAuthClientExchangeFilterFunction.class::isInstance);
				list.add(this.filters.get(group.name()));
			}));
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
