package io.github.oauthclient.sample;

/** Placeholder: the sample application is built in its own issue. */
public final class SampleApplication {
	private SampleApplication() {
	}
	public static void main(String[] args) {
	}
}
