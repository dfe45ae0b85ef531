package io.github.oauthclient.core;

import java.util.List;

/**
 * Told about every scope change a token response reveals, whether or not the change is then raised as a
 * {@link ScopeChangedException}: the port's counterpart of oauthlib's blinker signal
 * {@code oauthlib.signals.scope_changed} (for example to log or count granted-scope drift while
 * relax-token-scope is on).
 */
@FunctionalInterface
public interface ScopeChangeListener {

	/**
	 * @param message oauthlib's message, {@code Scope has changed from "<old>" to "<new>".}
	 * @param oldScopes the requested scope set, sorted
	 * @param newScopes the granted scope set, sorted
	 */
	void scopeChanged(String message, List<String> oldScopes, List<String> newScopes);

}
