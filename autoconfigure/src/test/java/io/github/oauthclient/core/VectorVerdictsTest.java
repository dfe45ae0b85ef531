package io.github.oauthclient.core;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The parity harness itself must be able to fail: wrong values, classes, messages and states are reported. */
class VectorVerdictsTest {

	private static VectorVerdicts.Kind run(String json) {
		@SuppressWarnings("unchecked")
		Map<String, Object> testCase = (Map<String, Object>) PythonJson.parse(json).value();
		return VectorRunner.run(testCase).kind();
	}

	@Test
	void matchingValuePasses() {
		assertThat(run("""
				{"id":"T","op":"prepare_request_body","ctor":{"client_id":"c"},"args":{"scope":["a b"]},
				 "expect":{"ok":"grant_type=client_credentials&scope=a+b"}}""")).isEqualTo(VectorVerdicts.Kind.PASSED);
	}

	@Test
	void wrongValueFails() {
		assertThat(run("""
				{"id":"T","op":"prepare_request_body","ctor":{"client_id":"c"},"args":{"scope":["a b"]},
				 "expect":{"ok":"grant_type=client_credentials&scope=a%20b"}}""")).isEqualTo(VectorVerdicts.Kind.FAILED);
	}

	@Test
	void wrongErrorClassOrMessageFails() {
		assertThat(run("""
				{"id":"T","op":"parse_request_body_response","ctor":{"client_id":"c"},"args":{"body":"{\\"error\\":\\"invalid_grant\\"}"},
				 "expect":{"error":"InvalidClientError","message":"(invalid_grant) ","attrs":{"error":"invalid_grant"}}}"""))
			.isEqualTo(VectorVerdicts.Kind.FAILED);
		assertThat(run("""
				{"id":"T","op":"parse_request_body_response","ctor":{"client_id":"c"},"args":{"body":"{\\"error\\":\\"invalid_grant\\"}"},
				 "expect":{"error":"InvalidGrantError","message":"(invalid_grant) x","attrs":{"error":"invalid_grant"}}}"""))
			.isEqualTo(VectorVerdicts.Kind.FAILED);
		assertThat(run("""
				{"id":"T","op":"parse_request_body_response","ctor":{"client_id":"c"},"args":{"body":"{\\"error\\":\\"invalid_grant\\"}"},
				 "expect":{"error":"InvalidGrantError","message":"(invalid_grant) ","attrs":{"error":"invalid_grant","status_code":401}}}"""))
			.isEqualTo(VectorVerdicts.Kind.FAILED);
	}

	@Test
	void wrongClientStateFails() {
		assertThat(run("""
				{"id":"T","op":"parse_request_body_response","ctor":{"client_id":"c"},"args":{"body":"{\\"access_token\\":\\"a\\",\\"expires_in\\":10}"},
				 "expect":{"ok":{"access_token":"a","expires_in":10,"expires_at":{"$now_plus":10,"py_type":"float"}},
				  "client":{"client_id":"c","default_token_placement":"auth_header","token_type":"Bearer","access_token":"a",
				   "refresh_token":null,"mac_key":null,"mac_algorithm":null,"scope":null,"state":null,"redirect_url":null,
				   "expires_in":10,"_expires_at":{"$now_plus":10,"py_type":"float"},
				   "token":{"access_token":"a","expires_in":10,"expires_at":{"$now_plus":10,"py_type":"float"}}}}}"""))
			.as("_expires_at is an int after parsing, not a float").isEqualTo(VectorVerdicts.Kind.FAILED);
	}

	@Test
	void crashRuleDoesNotCoverAJavaSuccess() {
		assertThat(run("""
				{"id":"T","op":"parse_request_body_response","ctor":{"client_id":"c"},"args":{"body":"{\\"access_token\\":\\"a\\"}"},
				 "expect":{"error":"TypeError","message":"boom"}}""")).isEqualTo(VectorVerdicts.Kind.FAILED);
	}

	@Test
	void pythonOnlyInputsDiverge() {
		assertThat(run("""
				{"id":"T","op":"prepare_request_body","ctor":{"client_id":"c"},"args":{"scope":5},
				 "expect":{"error":"ValueError","message":"Invalid scope (5), must be string, tuple, set, or list."}}"""))
			.isEqualTo(VectorVerdicts.Kind.DIVERGED);
	}

	@Test
	void scopeMessagesAreComparedWithSortedWords() {
		assertThat(VectorVerdicts.normalizeScopeMessage("Scope has changed from \"b a\" to \"d c\"."))
			.isEqualTo("Scope has changed from \"a b\" to \"c d\".");
		assertThat(PythonValuesInVectors.difference(List.of(1L), List.of(1.0))).isNotNull();
		assertThat(PythonValuesInVectors.difference(Map.of("$now_plus", 5L, "py_type", "int"), 1_700_000_005L))
			.isNull();
	}

}
