package io.github.oauthclient.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns an {@link InvalidOAuthClientPropertyException} anywhere in a start-up failure into Boot's "APPLICATION FAILED
 * TO START" report: the description names the property and the problem, the action says how to fix it.
 * Registered in {@code META-INF/spring.factories}.
 */
class InvalidOAuthClientPropertyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidOAuthClientPropertyException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidOAuthClientPropertyException cause) {
		String description = "The OAuth 2.0 client configuration is invalid:%n%n    Property: %s%n    Problem:  %s%n"
				.formatted(cause.property(), cause.problem());
		return new FailureAnalysis(description, cause.action(), cause);
	}

}
