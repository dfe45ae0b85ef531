package io.github.oauthclient.token;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ClientAuthenticationMethodTest {

	@Test
	void namesAreTheRfcNames() {
		assertThat(ClientAuthenticationMethod.CLIENT_SECRET_BASIC.value()).isEqualTo("client_secret_basic");
		assertThat(ClientAuthenticationMethod.CLIENT_SECRET_POST.value()).isEqualTo("client_secret_post");
		assertThat(ClientAuthenticationMethod.NONE.value()).isEqualTo("none");
	}

	@Test
	void fromValueIsLenientAboutCaseAndDashes() {
		assertThat(ClientAuthenticationMethod.fromValue("client_secret_post"))
				.isEqualTo(ClientAuthenticationMethod.CLIENT_SECRET_POST);
		assertThat(ClientAuthenticationMethod.fromValue(" Client-Secret-Basic "))
				.isEqualTo(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
		assertThat(ClientAuthenticationMethod.fromValue("NONE")).isEqualTo(ClientAuthenticationMethod.NONE);
	}

	@Test
	void unknownValuesNameTheAcceptedOnes() {
		assertThatIllegalArgumentException().isThrownBy(() -> ClientAuthenticationMethod.fromValue("client_secret_jwe"))
				.withMessage("Unknown client authentication method 'client_secret_jwe'; use one of "
						+ "client_secret_basic, client_secret_post, none, private_key_jwt, client_secret_jwt, "
						+ "tls_client_auth, self_signed_tls_client_auth");
		assertThatIllegalArgumentException().isThrownBy(() -> ClientAuthenticationMethod.fromValue(null));
	}
}
