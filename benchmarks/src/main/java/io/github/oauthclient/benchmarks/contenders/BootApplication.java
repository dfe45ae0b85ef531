package io.github.oauthclient.benchmarks.contenders;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;

/**
 * A real, non-web Spring Boot application with full auto-configuration and the given properties, as a user's
 * service would be: its {@code RestClient.Builder} bean is the "Boot-built RestClient" of the benchmarks, with
 * whatever interceptors the auto-configurations on the class path customized it with.
 */
public final class BootApplication implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	/** Starts the application; {@code properties} are what a user would put in {@code application.yml}. */
	public BootApplication(Map<String, Object> properties) {
		this.context = new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
			.properties(quiet())
			.properties(properties)
			.run();
	}

	/** A fresh builder from the application, customized as Boot customizes every builder it hands out. */
	public RestClient.Builder restClientBuilder() {
		return this.context.getBean(RestClient.Builder.class);
	}

	/** The interceptors the auto-configuration installed in a Boot-built {@code RestClient}, in order. */
	public List<ClientHttpRequestInterceptor> installedInterceptors() {
		List<ClientHttpRequestInterceptor> installed = new ArrayList<>();
		restClientBuilder().requestInterceptors(installed::addAll);
		return installed;
	}

	/** The running context, for beans the benchmarks inspect. */
	public ConfigurableApplicationContext context() {
		return this.context;
	}

	@Override
	public void close() {
		this.context.close();
	}

	private static Map<String, Object> quiet() {
		return Map.of("spring.main.banner-mode", "off", "spring.main.log-startup-info", "false",
				"logging.level.root", "WARN");
	}

	/** The whole application: nothing but auto-configuration. */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

	}

}
