package io.github.oauthclient.token;

import java.net.URI;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TransportSecurityTest {

	@ParameterizedTest
	@ValueSource(strings = { "localhost", "LOCALHOST", "localhost.", "127.0.0.1", "127.1.2.3", "127.255.255.255",
			"[::1]", "::1", "[0:0:0:0:0:0:0:1]" })
	void loopbackHosts(String host) {
		assertThat(TransportSecurity.isLoopback(host)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "example.com", "localhost.example.com", "128.0.0.1", "127.0.0.256", "127.0.0",
			"127.0.0.1.nip.io", "[::2]", "10.0.0.1", "0.0.0.0", "[fe80::1%eth0]" })
	void otherHosts(String host) {
		assertThat(TransportSecurity.isLoopback(host)).isFalse();
	}

	@Test
	void httpsAlwaysAndHttpOnlyToLoopbackUnlessInsecureTransportIsAllowed() {
		assertThat(TransportSecurity.isAllowed(URI.create("https://idp.example.com/token"), false)).isTrue();
		assertThat(TransportSecurity.isAllowed(URI.create("http://127.0.0.1:8080/token"), false)).isTrue();
		assertThat(TransportSecurity.isAllowed(URI.create("http://idp.example.com/token"), false)).isFalse();
		assertThat(TransportSecurity.isAllowed(URI.create("ftp://127.0.0.1/token"), false)).isFalse();
		assertThat(TransportSecurity.isAllowed(URI.create("http://idp.example.com/token"), true)).isTrue();
	}
}
