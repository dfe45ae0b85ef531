package io.github.oauthclient.token;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAuthenticationTest {

	private static final String SECRET = "p+ss/w:rd%20&=?";

	@Test
	void basicFormEncodesIdAndSecretBeforeBase64() {
		ClientAuthentication basic = ClientAuthentication.of(ClientAuthenticationMethod.CLIENT_SECRET_BASIC,
				"my client:1", SECRET, false);
		HttpHeaders headers = new HttpHeaders();
		basic.addHeaders(headers);
		String value = headers.getFirst(HttpHeaders.AUTHORIZATION);
		assertThat(value).startsWith("Basic ");
		String decoded = new String(Base64.getDecoder().decode(value.substring(6)), StandardCharsets.UTF_8);
		assertThat(decoded).isEqualTo("my+client%3A1:p%2Bss%2Fw%3Ard%2520%26%3D%3F");
		assertThat(basic.includeClientIdInBody()).isFalse();
		assertThat(basic.toString()).doesNotContain(value.substring(6)).doesNotContain(SECRET);
	}

	@Test
	void basicSendsClientIdInTheBodyOnlyWhenAsked() {
		assertThat(ClientAuthentication.of(ClientAuthenticationMethod.CLIENT_SECRET_BASIC, "id", SECRET, true)
				.includeClientIdInBody()).isTrue();
	}

	@Test
	void postPutsTheSecretInTheBodyParameters() {
		ClientAuthentication post = ClientAuthentication.of(ClientAuthenticationMethod.CLIENT_SECRET_POST, "id",
				SECRET, false);
		Map<String, Object> extras = new LinkedHashMap<>();
		post.addBodyParameters("https://as.example.com/token", extras);
		HttpHeaders headers = new HttpHeaders();
		post.addHeaders(headers);
		assertThat(extras).containsExactly(Map.entry("client_secret", SECRET));
		assertThat(headers.isEmpty()).isTrue();
		assertThat(post.includeClientIdInBody()).isTrue();
		assertThat(post.toString()).doesNotContain(SECRET);
	}

	@Test
	void noneSendsTheIdAndNothingElse() {
		ClientAuthentication none = ClientAuthentication.of(ClientAuthenticationMethod.NONE, "id", null, false);
		Map<String, Object> extras = new LinkedHashMap<>();
		none.addBodyParameters("https://as.example.com/token", extras);
		HttpHeaders headers = new HttpHeaders();
		none.addHeaders(headers);
		assertThat(extras).isEmpty();
		assertThat(headers.isEmpty()).isTrue();
		assertThat(none.includeClientIdInBody()).isTrue();
	}
}
