package io.github.oauthclient.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class LoopbackHostTests {

    @ParameterizedTest
    @ValueSource(strings = { "localhost", "LocalHost", "localhost.", "127.0.0.1", "127.1.2.3", "127.255.255.255",
            "[::1]", "::1", "[0:0:0:0:0:0:0:1]", "[::0:1]", "[::ffff:127.0.0.1]" })
    void loopback(String host) {
        assertThat(LoopbackHost.isLoopback(host)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "example.com", "localhost.example.com", "mylocalhost", "127.0.0.1.nip.io", "127.0.0",
            "127.0.0.256", "127.0.0.1.", "128.0.0.1", "10.0.0.1", "0.0.0.0", "[::2]", "[::]", "[fe80::1%eth0]",
            "[::1", "127.0.0.-1" })
    void notLoopback(String host) {
        assertThat(LoopbackHost.isLoopback(host)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    void nothingIsNotLoopback(String host) {
        assertThat(LoopbackHost.isLoopback(host)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://localhost:8080/x", "http://127.0.0.1/x", "http://[::1]:9000/" })
    void hostsAsJavaParsesThemFromUris(String uri) {
        assertThat(LoopbackHost.isLoopback(URI.create(uri).getHost())).isTrue();
    }

}
