package io.github.oauthclient.http;

/**
 * Thrown instead of sending an access token over plain http to a host that is not loopback. The message names the
 * registration, the host and the property that would allow it; it never contains the token.
 */
public class InsecureResourceTransportException extends IllegalStateException {

	/**
	 * Creates the exception.
	 * @param message what was refused and how to fix it
	 */
	public InsecureResourceTransportException(String message) {
		super(message);
	}

}
