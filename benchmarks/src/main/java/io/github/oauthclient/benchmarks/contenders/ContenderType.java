package io.github.oauthclient.benchmarks.contenders;

import java.net.URI;

/**
 * The contenders the count measurements (stampede, renewal) start afresh for every run, each with an empty token
 * cache, from the token endpoint and the resource URL of that run.
 */
public enum ContenderType {

	/** No authentication: the baseline for latency. */
	UNAUTHENTICATED {
		@Override
		public Contender start(URI tokenUri, URI resourceUrl) {
			return new Unauthenticated();
		}
	},

	/**
	 * A constant header and no token endpoint: the cost of authenticating a call at all (its header allocation,
	 * hence its share of GC pauses), without any token to wait for.
	 */
	FLOOR {
		@Override
		public Contender start(URI tokenUri, URI resourceUrl) {
			return new FloorInterceptor("bench-token-0");
		}
	},

	/** Our starter, wired by Boot's auto-configuration from properties. */
	OURS {
		@Override
		public Contender start(URI tokenUri, URI resourceUrl) {
			return new StarterContender(tokenUri, resourceUrl);
		}
	},

	/** Spring Security 7's interceptor and authorized-client manager. */
	SPRING_SECURITY {
		@Override
		public Contender start(URI tokenUri, URI resourceUrl) {
			return new SpringSecurityContender(tokenUri);
		}
	};

	/** Starts a contender with an empty token cache. */
	public abstract Contender start(URI tokenUri, URI resourceUrl);

}
