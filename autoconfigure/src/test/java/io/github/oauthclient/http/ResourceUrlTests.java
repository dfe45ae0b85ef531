package io.github.oauthclient.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ResourceUrlTests {

	@ParameterizedTest(name = "{0} matches {1}: {2}")
	@CsvSource({
			"https://api.example.com/v1, https://api.example.com/v1, true",
			"https://api.example.com/v1, https://api.example.com/v1/, true",
			"https://api.example.com/v1, https://api.example.com/v1/orders?x=1, true",
			"https://api.example.com/v1, https://api.example.com/v10, false",
			"https://api.example.com/v1, https://api.example.com/v, false",
			"https://api.example.com/v1, https://api.example.com/, false",
			"https://api.example.com/v1/, https://api.example.com/v1, true",
			"https://api.example.com/v1/, https://api.example.com/v1x, false",
			"https://api.example.com, https://api.example.com, true",
			"https://api.example.com, https://api.example.com/anything/at/all, true",
			"https://api.example.com/, https://api.example.com/x, true",
			"https://API.Example.COM/v1, HTTPS://api.EXAMPLE.com/v1/x, true",
			"https://api.example.com/V1, https://api.example.com/v1, false",
			"https://api.example.com, https://api.example.com:443/x, true",
			"https://api.example.com:443, https://api.example.com/x, true",
			"https://api.example.com:8443, https://api.example.com/x, false",
			"https://api.example.com:8443, https://api.example.com:8443/x, true",
			"http://localhost, http://localhost:80/x, true",
			"http://localhost:8080, http://localhost:8081/x, false",
			"https://api.example.com, http://api.example.com/x, false",
			"https://api.example.com, https://api.example.com.evil.org/x, false",
			"https://api.example.com, https://evil.org/api.example.com, false",
			"https://api.example.com, https://sub.api.example.com/x, false",
			"https://api.example.com/a%20b, https://api.example.com/a%20b/c, true",
			"https://[::1]:8443/v1, https://[::1]:8443/v1/x, true",
	})
	void matchesOnSchemeHostPortAndPathSegments(String prefix, String request, boolean expected) {
		assertThat(ResourceUrl.parse(prefix).matches(URI.create(request))).isEqualTo(expected);
	}

	@Test
	void userInfoInTheRequestDoesNotConfuseTheHost() {
		ResourceUrl url = ResourceUrl.parse("https://api.example.com");
		assertThat(url.matches(URI.create("https://api.example.com@evil.org/x"))).isFalse();
		assertThat(url.matches(URI.create("https://user@api.example.com/x"))).isTrue();
	}

	@Test
	void relativeAndOpaqueRequestUrisNeverMatch() {
		ResourceUrl url = ResourceUrl.parse("https://api.example.com");
		assertThat(url.matches(URI.create("/v1/orders"))).isFalse();
		assertThat(url.matches(URI.create("mailto:someone@api.example.com"))).isFalse();
	}

	@Test
	void normalizesForDisplayAndEquality() {
		ResourceUrl url = ResourceUrl.parse(" HTTPS://Api.Example.com/v1/ ");
		assertThat(url).hasToString("https://api.example.com:443/v1");
		assertThat(url).isEqualTo(ResourceUrl.parse("https://api.example.com:443/v1"));
		assertThat(url.pathPrefix()).isEqualTo("/v1");
		assertThat(url.port()).isEqualTo(443);
	}

	@Test
	void tlsOrLoopback() {
		assertThat(ResourceUrl.parse("https://api.example.com").isSecureOrLoopback()).isTrue();
		assertThat(ResourceUrl.parse("http://127.0.0.1:8080").isSecureOrLoopback()).isTrue();
		assertThat(ResourceUrl.parse("http://localhost").isSecureOrLoopback()).isTrue();
		assertThat(ResourceUrl.parse("http://api.example.com").isSecureOrLoopback()).isFalse();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"api.example.com/v1 | must be an absolute URL",
			"ftp://api.example.com | must be an absolute URL",
			"https:///v1 | has no host",
			"https://user:pass@api.example.com | must not contain user info",
			"https://api.example.com/v1?x=1 | must not contain a query",
			"https://api.example.com/v1#top | must not contain a query or fragment",
			"https://api example.com | is not a valid URL",
	})
	void rejectsWhatCannotBeAPrefix(String value, String message) {
		assertThatIllegalArgumentException().isThrownBy(() -> ResourceUrl.parse(value))
			.withMessageContaining(message);
	}

	@Test
	void rejectsEmpty() {
		assertThatIllegalArgumentException().isThrownBy(() -> ResourceUrl.parse(" "))
			.withMessageContaining("must not be empty");
	}

}
