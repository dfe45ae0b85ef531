package io.github.oauthclient.token.store;

/**
 * A {@link TokenStore} could not answer in time (down, unreachable, slow). Exists so that stores can report
 * "unavailable" distinctly; {@link SharedTokenProvider} treats it, like any other store failure, as a reason to fetch
 * per instance until the store is back. Its message never contains a stored value.
 */
public class TokenStoreUnavailableException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/** An exception with a message and its cause. */
	public TokenStoreUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}
}
