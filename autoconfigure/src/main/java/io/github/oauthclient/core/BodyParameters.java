package io.github.oauthclient.core;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The per-call arguments of oauthlib's body-preparing methods ({@code body}, {@code scope},
 * {@code include_client_id} and {@code **kwargs}) as one immutable Java value, so that callers can pass a scope
 * as a verbatim string or as a list without ambiguous overloads.
 * <p>
 * Extras keep their insertion order and follow oauthlib's keyword rules: {@code client_secret} is sent whenever
 * it is not null (also when empty), {@code code_verifier} likewise (after {@code client_id}), a
 * {@code client_id} extra is ignored by {@code prepareRequestBody} (the client's own id is used) but sent by
 * {@code prepareRefreshBody}, and every other extra is dropped when null or empty. Values must be strings:
 * Python-only inputs ({@code str()} of lists, {@code True}) have no Java mirror.
 */
public final class BodyParameters {

	private static final BodyParameters NONE = new BodyParameters("", null, null, Map.of());

	private final String body;

	private final Object scope;

	private final Boolean includeClientId;

	private final Map<String, String> extras;

	private BodyParameters(String body, Object scope, Boolean includeClientId, Map<String, String> extras) {
		this.body = body;
		this.scope = scope;
		this.includeClientId = includeClientId;
		this.extras = extras;
	}

	/** No body, the client's default scope, the method's default for {@code include_client_id}, no extras. */
	public static BodyParameters none() {
		return NONE;
	}

	/** A builder starting from {@link #none()}. */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Convenience for the common arguments.
	 * @param body an existing form body (normalised and kept first), or null for none
	 * @param scope the scope, or null for the client's default scope
	 * @param includeClientId whether to send {@code client_id}
	 * @param extras extra parameters in order (null or empty values dropped, except client_secret)
	 */
	public static BodyParameters of(String body, Collection<String> scope, boolean includeClientId,
			Map<String, ?> extras) {
		Builder builder = builder().body(body).includeClientId(includeClientId).extras(extras);
		if (scope != null) {
			builder.scope(scope);
		}
		return builder.build();
	}

	/** The existing body ({@code ""} for none). */
	public String body() {
		return this.body;
	}

	/** The scope: a {@link String} (sent verbatim), an unmodifiable {@code List<String>}, or null for the default. */
	public Object scope() {
		return this.scope;
	}

	/** {@code include_client_id}, or null for the method's default. */
	public Boolean includeClientId() {
		return this.includeClientId;
	}

	/** The extras in order, unmodifiable; values may be null. */
	public Map<String, String> extras() {
		return this.extras;
	}

	@Override
	public String toString() {
		return "BodyParameters[body=<" + this.body.length() + " chars>, scope=" + this.scope + ", includeClientId="
				+ this.includeClientId + ", extras=" + this.extras.keySet() + "]";
	}

	/** Builds {@link BodyParameters}. */
	public static final class Builder {

		private String body = "";

		private Object scope;

		private Boolean includeClientId;

		private final Map<String, String> extras = new LinkedHashMap<>();

		private Builder() {
		}

		/** An existing form body; null means none (as in oauthlib). */
		public Builder body(String body) {
			this.body = (body != null) ? body : "";
			return this;
		}

		/** A scope string, sent verbatim (no trimming); {@code ""} sends no scope; null means the default. */
		public Builder scope(String scope) {
			this.scope = scope;
			return this;
		}

		/** A scope list, joined with single spaces; an empty list sends no scope; null means the default. */
		public Builder scope(Collection<String> scope) {
			this.scope = (scope != null) ? ScopeSupport.copyRequested(scope, "The scope") : null;
			return this;
		}

		/** Whether to send {@code client_id}. */
		public Builder includeClientId(boolean includeClientId) {
			this.includeClientId = includeClientId;
			return this;
		}

		/** The client secret (sent whenever not null, as {@code client_secret}). */
		public Builder clientSecret(String clientSecret) {
			return extra("client_secret", clientSecret);
		}

		/** One extra parameter, appended in call order. */
		public Builder extra(String name, String value) {
			if (name == null) {
				throw new IllegalArgumentException("Extra parameter names must not be null");
			}
			this.extras.remove(name);
			this.extras.put(name, value);
			return this;
		}

		/**
		 * Extra parameters in the map's iteration order (use a {@link LinkedHashMap}).
		 * @throws IllegalArgumentException for a value that is not a {@link CharSequence} or null
		 */
		public Builder extras(Map<String, ?> extras) {
			if (extras != null) {
				for (Map.Entry<String, ?> e : extras.entrySet()) {
					Object value = e.getValue();
					if (value != null && !(value instanceof CharSequence)) {
						throw new IllegalArgumentException("Extra parameter '" + e.getKey() + "' must be a String, "
								+ "but is a " + value.getClass().getName() + " (Python would send its str())");
					}
					extra(e.getKey(), (value != null) ? value.toString() : null);
				}
			}
			return this;
		}

		/** The immutable parameters. */
		public BodyParameters build() {
			return new BodyParameters(this.body, this.scope, this.includeClientId,
					Collections.unmodifiableMap(new LinkedHashMap<>(this.extras)));
		}

	}

}
