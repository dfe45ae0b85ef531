package io.github.oauthclient.core;

/** How secrets appear in {@code toString()}: never their value, only whether one is present. */
final class Secrets {

	private Secrets() {
	}

	/** {@code null} for no value, {@code "******"} otherwise. */
	static String mask(Object secret) {
		return (secret == null) ? "null" : "******";
	}

}
