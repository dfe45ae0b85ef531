package io.github.oauthclient.token;

import java.time.Duration;
import java.util.Optional;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * No access token could be obtained: the token endpoint refused, failed, answered garbage or could not be reached.
 *
 * <p>Exists so that the person reading a log line learns everything needed to fix the problem in one place: which
 * registration, which token URI, the HTTP status, and what the authorization server said ({@code error},
 * {@code error_description}), plus a hint naming the property to check. It never contains the client secret or a
 * token. It also tells the retry and cache layers whether trying again can help ({@link #isRetryable()}) and how
 * long the server asked to wait ({@link #retryAfter()}).
 */
public class TokenAcquisitionException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String registrationId;

	private final String tokenUri;

	private final int httpStatus;

	private final String error;

	private final String errorDescription;

	private final boolean retryable;

	private final Duration retryAfter;

	private TokenAcquisitionException(Builder builder) {
		super(message(builder), builder.cause);
		this.registrationId = builder.registrationId;
		this.tokenUri = builder.tokenUri;
		this.httpStatus = builder.httpStatus;
		this.error = builder.error;
		this.errorDescription = builder.errorDescription;
		this.retryable = builder.retryable;
		this.retryAfter = builder.retryAfter;
	}

	/**
	 * Starts describing a failure of the given registration.
	 *
	 * @param registrationId the registration name
	 * @param tokenUri the token URI (or the issuer URI while discovery failed), {@code null} if not known here;
	 * user info is removed
	 */
	public static Builder builder(String registrationId, String tokenUri) {
		return new Builder(registrationId, tokenUri);
	}

	/** The registration whose token could not be obtained. */
	public String registrationId() {
		return registrationId;
	}

	/**
	 * The token URI the request went to (without user info), the issuer URI when discovery failed, or {@code null}
	 * when the failure happened before any request.
	 */
	public String tokenUri() {
		return tokenUri;
	}

	/** The HTTP status of the answer, or 0 when there was none (I/O error, configuration error). */
	public int httpStatus() {
		return httpStatus;
	}

	/** The server's {@code error} code, or {@code null}. */
	public String error() {
		return error;
	}

	/** The server's {@code error_description}, or {@code null}. */
	public String errorDescription() {
		return errorDescription;
	}

	/** Whether the same request may succeed later (5xx, 429, 408, I/O errors); 4xx refusals are final. */
	public boolean isRetryable() {
		return retryable;
	}

	/** How long the server asked the client to wait ({@code Retry-After}), if it did. */
	public Optional<Duration> retryAfter() {
		return Optional.ofNullable(retryAfter);
	}

	private static String message(Builder builder) {
		StringBuilder message = new StringBuilder("Could not obtain an access token for registration '")
				.append(builder.registrationId).append('\'');
		if (builder.tokenUri != null) {
			message.append(" from ").append(builder.tokenUri);
		}
		message.append(": ");
		boolean first = true;
		if (builder.httpStatus > 0) {
			message.append("HTTP ").append(builder.httpStatus);
			first = false;
		}
		if (builder.error != null) {
			message.append(first ? "" : ", ").append("error '").append(builder.error).append('\'');
			if (builder.errorDescription != null && !builder.errorDescription.isEmpty()) {
				message.append(": ").append(builder.errorDescription);
			}
			first = false;
		}
		if (builder.reason != null) {
			message.append(first ? "" : ", ").append(builder.reason);
		}
		if (builder.hint != null) {
			message.append(". ").append(builder.hint);
		}
		return message.toString();
	}

	/** Collects the details of one failure. */
	public static final class Builder {

		private final String registrationId;

		private final String tokenUri;

		private int httpStatus;

		private String error;

		private String errorDescription;

		private String reason;

		private String hint;

		private boolean retryable;

		private Duration retryAfter;

		private Throwable cause;

		private Builder(String registrationId, String tokenUri) {
			this.registrationId = registrationId;
			this.tokenUri = withoutUserInfo(tokenUri);
		}

		/** The HTTP status of the answer. */
		public Builder httpStatus(int httpStatus) {
			this.httpStatus = httpStatus;
			return this;
		}

		/** The server's {@code error} and {@code error_description}. */
		public Builder error(String error, String errorDescription) {
			this.error = error;
			this.errorDescription = errorDescription;
			return this;
		}

		/** What went wrong, in words, when the server gave no OAuth error (or to add to it). */
		public Builder reason(String reason) {
			this.reason = reason;
			return this;
		}

		/** What the user should check or change, naming the property. */
		public Builder hint(String hint) {
			this.hint = hint;
			return this;
		}

		/** Whether trying again may help. */
		public Builder retryable(boolean retryable) {
			this.retryable = retryable;
			return this;
		}

		/** The server's {@code Retry-After}, or {@code null}. */
		public Builder retryAfter(Duration retryAfter) {
			this.retryAfter = retryAfter;
			return this;
		}

		/** The underlying exception, which must not carry secrets either. */
		public Builder cause(Throwable cause) {
			this.cause = cause;
			return this;
		}

		/** The exception. */
		public TokenAcquisitionException build() {
			return new TokenAcquisitionException(this);
		}

		private static String withoutUserInfo(String uri) {
			if (uri == null || uri.indexOf('@') < 0) {
				return uri;
			}
			try {
				return UriComponentsBuilder.fromUriString(uri).userInfo(null).build().toUriString();
			}
			catch (IllegalArgumentException ex) {
				return "(unparseable URI)";
			}
		}
	}
}
