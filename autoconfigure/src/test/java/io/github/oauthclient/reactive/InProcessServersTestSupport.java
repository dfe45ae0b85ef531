package io.github.oauthclient.reactive;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.github.oauthclient.testsupport.AuthorizationServerFixture;
import io.github.oauthclient.testsupport.ProtectedApiFixture;

/**
 * The servers every end-to-end test of this package talks to, in-process on loopback: Spring Authorization Server
 * with the {@link TokenEndpointGate}, and the protected API validating its tokens; plus how the client applications
 * under test are started.
 */
abstract class InProcessServersTestSupport {

	static AuthorizationServerFixture server;

	static ProtectedApiFixture api;

	@BeforeAll
	static void startServers() {
		server = AuthorizationServerFixture.builder().configuration(TokenEndpointGate.class).start();
		api = ProtectedApiFixture.start(server);
	}

	@AfterAll
	static void stopServers() {
		api.close();
		server.close();
	}

	@BeforeEach
	void resetServers() {
		TokenEndpointGate.reset();
		api.rejectAllTokens(false);
		api.clearRequests();
	}

	/**
	 * Starts a client application, quietly; web applications listen on a random loopback port.
	 * @param source the application class
	 * @param type servlet, reactive or none
	 * @param properties its properties
	 * @return the running application
	 */
	static ConfigurableApplicationContext startClient(Class<?> source, WebApplicationType type,
			Map<String, Object> properties) {
		Map<String, Object> all = new LinkedHashMap<>(properties);
		if (type != WebApplicationType.NONE) {
			all.put("server.port", "0");
			all.put("server.address", "127.0.0.1");
		}
		all.put("spring.main.banner-mode", "off");
		all.put("spring.main.log-startup-info", "false");
		all.put("spring.jmx.enabled", "false");
		return new SpringApplicationBuilder(source).web(type).properties(all).run();
	}

}
