package io.github.oauthclient.sample;

import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

/** Work in progress: starts the embedded servers; the client side follows once the starter has landed. */
public final class SampleApplication {

	private SampleApplication() {
	}

	public static void main(String[] args) {
		StandardEnvironment launch = new StandardEnvironment();
		launch.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
		EmbeddedServers servers = EmbeddedServers.start(launch, launch.matchesProfiles("external"));
		System.out.println("authorization server " + servers.orderServiceProperties().get("demo.authorization-server.url")
				+ ", inventory API " + servers.orderServiceProperties().get("demo.inventory-api.url"));
	}

}
