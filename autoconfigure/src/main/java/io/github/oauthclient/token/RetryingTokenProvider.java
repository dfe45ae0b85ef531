package io.github.oauthclient.token;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.DoubleSupplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.github.oauthclient.core.OAuth2Token;

/**
 * A {@link TokenProvider} decorator that tries a failed token request again, as its {@link RetryPolicy} says.
 *
 * <p>Exists so that retrying is a concern of its own, between the single exchange ({@link TokenEndpointClient}) and
 * the cache ({@link CachingTokenProvider}): the cache runs one request at a time, so the retries of that request are
 * the only traffic the token endpoint sees from this registration. 5xx, 429, 408 and I/O errors are retried (they
 * say {@link TokenAcquisitionException#isRetryable()}); refusals such as {@code invalid_client} are not. A
 * {@code Retry-After} is honoured by waiting at least that long, or, when it is longer than
 * {@link RetryPolicy#maxRetryAfter()}, by giving up at once. The failure finally thrown carries the earlier ones as
 * suppressed exceptions.
 */
public final class RetryingTokenProvider implements TokenProvider {

	private static final Log logger = LogFactory.getLog(RetryingTokenProvider.class);

	private final TokenProvider delegate;

	private final RetryPolicy policy;

	private final Sleeper sleeper;

	private final DoubleSupplier random;

	/** Attempts made after a failed one, for metrics. */
	private final LongAdder retries = new LongAdder();

	/** Retries {@code delegate} as {@code policy} says, sleeping on the calling thread. */
	public RetryingTokenProvider(TokenProvider delegate, RetryPolicy policy) {
		this(delegate, policy, duration -> Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000),
				() -> ThreadLocalRandom.current().nextDouble());
	}

	/**
	 * For tests: waits through {@code sleeper} and draws jitter from {@code random}.
	 *
	 * @param random numbers uniformly distributed in [0, 1)
	 */
	public RetryingTokenProvider(TokenProvider delegate, RetryPolicy policy, Sleeper sleeper, DoubleSupplier random) {
		this.delegate = delegate;
		this.policy = policy;
		this.sleeper = sleeper;
		this.random = random;
	}

	@Override
	public OAuth2Token token() {
		TokenAcquisitionException previous = null;
		for (int attempt = 1;; attempt++) {
			try {
				return delegate.token();
			}
			catch (TokenAcquisitionException ex) {
				if (previous != null) {
					ex.addSuppressed(previous);
				}
				Duration wait = (attempt < policy.maxAttempts()) ? waitBeforeRetry(ex, attempt) : null;
				if (wait == null) {
					throw ex;
				}
				if (logger.isDebugEnabled()) {
					logger.debug("Attempt " + attempt + " of " + policy.maxAttempts() + " failed, retrying in "
							+ wait.toMillis() + " ms: " + ex.getMessage());
				}
				try {
					sleeper.sleep(wait);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					throw ex;
				}
				previous = ex;
				retries.increment();
			}
		}
	}

	@Override
	public void invalidate(OAuth2Token rejected) {
		delegate.invalidate(rejected);
	}

	/** The wait before the next attempt, or {@code null} when this failure must not be retried. */
	private Duration waitBeforeRetry(TokenAcquisitionException failure, int attempt) {
		if (!failure.isRetryable()) {
			return null;
		}
		Duration backoff = policy.backoff(attempt, random.getAsDouble());
		Duration retryAfter = failure.retryAfter().orElse(Duration.ZERO);
		if (retryAfter.compareTo(policy.maxRetryAfter()) > 0) {
			return null;
		}
		return (retryAfter.compareTo(backoff) > 0) ? retryAfter : backoff;
	}

	/** How many attempts were made after a failed one, since this provider was created. */
	public long retries() {
		return retries.sum();
	}

	@Override
	public String toString() {
		return "RetryingTokenProvider[" + policy + ", " + delegate + "]";
	}

	/** Waits; exists so that tests can record the waits instead of sleeping. */
	@FunctionalInterface
	public interface Sleeper {

		/** Waits for {@code duration}. */
		void sleep(Duration duration) throws InterruptedException;
	}
}
