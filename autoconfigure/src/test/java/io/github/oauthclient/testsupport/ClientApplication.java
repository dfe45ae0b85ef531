package io.github.oauthclient.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.restclient.RestTemplateBuilder;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

/**
 * A client application with nothing about OAuth in it: Boot's auto-configuration, one {@link RestClient} and one
 * {@link RestTemplate} from Boot's builders, configured by properties alone, as users run the starter.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class ClientApplication {

	/** Starts the application (no web server) with {@code properties}. */
	public static ConfigurableApplicationContext start(Map<String, ?> properties) {
		Map<String, Object> all = new LinkedHashMap<>(properties);
		all.put("spring.main.banner-mode", "off");
		all.put("spring.main.log-startup-info", "false");
		all.put("spring.jmx.enabled", "false");
		return new SpringApplicationBuilder(ClientApplication.class).web(WebApplicationType.NONE).properties(all)
				.run();
	}

	@Bean
	RestClient restClient(RestClient.Builder builder) {
		return builder.build();
	}

	@Bean
	RestTemplate restTemplate(RestTemplateBuilder builder) {
		return builder.build();
	}

}
