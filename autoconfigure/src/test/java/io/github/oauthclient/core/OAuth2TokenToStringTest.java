package io.github.oauthclient.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link OAuth2Token#toString()} shows the timing and scope fields, and never a token, wherever a server put it. */
class OAuth2TokenToStringTest {

	private final BackendApplicationClient client = new BackendApplicationClient("cid");

	@Test
	void showsTypeExpiryAndScopeButNoTokenValues() {
		OAuth2Token token = this.client.parseRequestBodyResponse("{\"access_token\":\"s3cr3t-at\",\"token_type\":\"Bearer\","
				+ "\"expires_in\":60,\"scope\":\"a b\",\"refresh_token\":\"s3cr3t-rt\",\"id_token\":\"s3cr3t-id\"}");
		String text = token.toString();
		assertThat(text).contains("token_type=Bearer", "expires_in=60", "scope=[a, b]", "access_token=******",
				"refresh_token=******", "id_token=******");
		assertThat(text).doesNotContain("s3cr3t");
	}

	@Test
	void masksATokenEchoedInAnotherOrNestedField() {
		OAuth2Token token = this.client.parseRequestBodyResponse("{\"access_token\":\"s3cr3t-at\","
				+ "\"token_type\":\"Bearer s3cr3t-at\",\"expires_at\":{\"access_token\":\"s3cr3t-at\"},"
				+ "\"debug\":\"issued s3cr3t-at\"}");
		String text = token.toString();
		assertThat(text).contains("token_type=******", "expires_at=******", "debug=******");
		assertThat(text).doesNotContain("s3cr3t");
	}

}
