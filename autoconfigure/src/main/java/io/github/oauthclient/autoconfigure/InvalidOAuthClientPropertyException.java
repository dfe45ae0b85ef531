package io.github.oauthclient.autoconfigure;

/**
 * A start-up error in {@code oauth.client.*} that the user can fix: it names the property, what is wrong with it and
 * what to do. Reported by {@link InvalidOAuthClientPropertyFailureAnalyzer}. Messages never contain a secret or a
 * token, only the property name and, where harmless, the offending value.
 */
public class InvalidOAuthClientPropertyException extends RuntimeException {

	private final String property;

	private final String problem;

	private final String action;

	/**
	 * Creates the exception.
	 * @param property the full property name, for example {@code oauth.client.registrations.billing.client-id}
	 * @param problem what is wrong, as a sentence fragment following the property name
	 * @param action what the user should do
	 */
	public InvalidOAuthClientPropertyException(String property, String problem, String action) {
		super(property + " " + problem + ". " + action);
		this.property = property;
		this.problem = problem;
		this.action = action;
	}

	/** The full name of the offending property. */
	public String property() {
		return this.property;
	}

	/** What is wrong with it. */
	public String problem() {
		return this.problem;
	}

	/** How to fix it. */
	public String action() {
		return this.action;
	}

}
