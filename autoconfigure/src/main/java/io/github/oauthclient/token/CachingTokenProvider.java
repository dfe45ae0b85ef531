package io.github.oauthclient.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.github.oauthclient.core.OAuth2Token;

/**
 * A {@link TokenProvider} decorator that caches the token of its delegate and renews it ahead of expiry, like Go's
 * {@code oauth2.ReuseTokenSource}, built for many threads.
 *
 * <p>Exists because this is the part users feel: a token must be there when needed, fetched once, and no caller
 * should wait when that can be avoided. What it guarantees:
 * <ul>
 * <li><b>Hot path.</b> While the cached token is fresh, {@link #token()} reads one volatile reference and the
 * {@link Ticker}: no lock, no allocation.</li>
 * <li><b>Single flight.</b> However many threads ask at once on a cold or expired cache, one request goes to the
 * delegate (on the first caller's thread) and the others receive its result, or its error.</li>
 * <li><b>Renewal ahead of expiry.</b> Once the token enters its renewal window ({@link RenewalPolicy}), one
 * background renewal starts while callers keep getting the still-valid token. A caller blocks only when there is
 * no usable token at all.</li>
 * <li><b>Stale while renewing.</b> While renewals fail, callers keep the still-valid token until it really expires;
 * then they get the renewal's error.</li>
 * <li><b>Cool-down.</b> After a failure, callers within {@link RenewalPolicy#coolDownAfter the cool-down} get the
 * same error at once instead of each starting a request, so a struggling server is not stampeded. Failures are
 * never cached beyond that: the next call after the cool-down tries again.</li>
 * <li><b>Monotonic time.</b> Expiry is measured with the {@link Ticker}, from the moment the request was sent, so
 * wall-clock jumps change nothing. (The wall {@link Clock} is read once per token, only to turn a JWT {@code exp}
 * into a lifetime.)</li>
 * <li><b>Precise invalidation.</b> {@link #invalidate(OAuth2Token)} drops the rejected token only if it is still the
 * cached one, never a newer one another thread already fetched.</li>
 * </ul>
 */
public final class CachingTokenProvider implements TokenProvider {

	private static final Log logger = LogFactory.getLog(CachingTokenProvider.class);

	private final TokenProvider delegate;

	private final RenewalPolicy policy;

	private final Ticker ticker;

	private final Clock clock;

	private final Executor renewalExecutor;

	private final String registrationId;

	/** The cached token; replaced only by a completed request, cleared only by {@link #invalidate}. */
	private final AtomicReference<Entry> current = new AtomicReference<>();

	/** The request in progress (blocking or background), if any: the single flight. */
	private final AtomicReference<CompletableFuture<Entry>> flight = new AtomicReference<>();

	/** The last failure, until a request succeeds. */
	private volatile Failure lastFailure;

	/** Wraps every request to the delegate (metrics, tracing); {@link TokenRequestObserver#NONE} by default. */
	private final TokenRequestObserver requestObserver;

	/** Calls answered from the cache: striped, without compare-and-set, so the hot path costs next to nothing. */
	private final HitCounter cacheHits = new HitCounter();

	/** Tokens reported rejected by a resource server. */
	private final LongAdder invalidations = new LongAdder();

	/** Whether the last token was dropped after a 401, so the next blocking request is a retry after 401. */
	private volatile boolean invalidated;

	/** When the last request succeeded (wall clock), for {@link #status()}. */
	private volatile Instant lastSuccessAt;

	/** When the last request failed (wall clock), for {@link #status()}; cleared by a success. */
	private volatile Instant lastFailureAt;

	/** Caches {@code delegate} with {@link RenewalPolicy#defaults() the default policy}. */
	public CachingTokenProvider(TokenProvider delegate) {
		this(builder(delegate));
	}

	/** Caches {@code delegate} with {@code policy}. */
	public CachingTokenProvider(TokenProvider delegate, RenewalPolicy policy) {
		this(builder(delegate).renewalPolicy(policy));
	}

	private CachingTokenProvider(Builder builder) {
		this.delegate = Objects.requireNonNull(builder.delegate, "delegate");
		this.policy = builder.policy;
		this.ticker = builder.ticker;
		this.clock = builder.clock;
		this.renewalExecutor = (builder.renewalExecutor != null) ? builder.renewalExecutor
				: RenewalThreads.EXECUTOR;
		this.registrationId = builder.registrationId;
		this.requestObserver = builder.requestObserver;
	}

	/** A builder, for a ticker, clock, renewal executor or registration name other than the defaults. */
	public static Builder builder(TokenProvider delegate) {
		return new Builder(delegate);
	}

	@Override
	public OAuth2Token token() {
		OAuth2Token cached = cachedToken();
		return (cached != null) ? cached : awaitToken();
	}

	/**
	 * The cached token if it may be handed out now, else {@code null}; never blocks and never waits. Starts a
	 * background renewal when the token is in its renewal window. The hot path of {@link #token()} and
	 * {@link #tokenAsync()}: one volatile read and the {@link Ticker}, no lock, no allocation.
	 * @return the usable cached token, or {@code null} when a caller would have to wait for a request
	 */
	public OAuth2Token cachedToken() {
		Entry entry = current.get();
		if (entry != null) {
			long now = ticker.read();
			if (now - entry.renewAt < 0) {
				cacheHits.increment();
				return entry.token;
			}
			if (now - entry.usableUntil < 0) {
				cacheHits.increment();
				renewInBackground(now);
				return entry.token;
			}
		}
		return null;
	}

	/**
	 * A token without blocking the calling thread: for callers on an event loop (WebClient). Completed at once with
	 * the cached token when it is usable, failed at once while a failure is cooling down; otherwise it completes when
	 * the single flight does: the one in progress (also one a blocking {@link #token()} caller runs), or one started
	 * now on the renewal executor. Callers of both methods share that flight, so a cold cache causes one request.
	 * @return the future token; fails with the request's exception
	 */
	public CompletableFuture<OAuth2Token> tokenAsync() {
		OAuth2Token cached = cachedToken();
		if (cached != null) {
			return CompletableFuture.completedFuture(cached);
		}
		return joinFlight(true).thenApply(Entry::token);
	}

	@Override
	public void invalidate(OAuth2Token rejected) {
		invalidations.increment();
		Entry entry = current.get();
		if (entry != null && rejected != null && sameToken(entry.token, rejected)
				&& current.compareAndSet(entry, null)) {
			invalidated = true;
			if (logger.isDebugEnabled()) {
				logger.debug("Dropped the rejected access token of registration '" + registrationId + "'");
			}
		}
		delegate.invalidate(rejected); // a second cache level (shared store) drops it too
	}

	/**
	 * What the cache knows now, without the token: whether one is usable and for how long, the last success and
	 * failure. Reads volatile fields only; never starts a request.
	 */
	public TokenCacheStatus status() {
		long now = ticker.read();
		Entry entry = current.get();
		Duration validFor = (entry != null && now - entry.usableUntil < 0) ? Duration.ofNanos(entry.usableUntil - now)
				: null;
		Failure failure = lastFailure;
		Instant failedAt = lastFailureAt;
		return new TokenCacheStatus(registrationId, validFor, lastSuccessAt, (failure != null) ? failedAt : null,
				(failure != null) ? TokenRequestOutcome.of(failure.exception) : null, cacheHits.sum(),
				invalidations.sum());
	}

	/** The provider whose tokens this one caches. */
	public TokenProvider delegate() {
		return delegate;
	}

	@Override
	public String toString() {
		return "CachingTokenProvider[registration=" + registrationId + ", " + policy + "]";
	}

	/** The slow path: no usable token. Returns one that became usable meanwhile, or waits for a request. */
	private OAuth2Token awaitToken() {
		return await(joinFlight(false)).token;
	}

	/**
	 * The slow path of {@link #token()} and {@link #tokenAsync()}: an entry that became usable meanwhile, the failure
	 * that is cooling down, or the single flight, joined or started. A flight started here runs on the calling
	 * thread ({@code token()} would wait for it anyway), or with {@code async} on the renewal executor.
	 */
	private CompletableFuture<Entry> joinFlight(boolean async) {
		for (;;) {
			long now = ticker.read();
			Entry entry = current.get();
			if (entry != null && now - entry.usableUntil < 0) {
				if (now - entry.renewAt >= 0) {
					renewInBackground(now);
				}
				return CompletableFuture.completedFuture(entry);
			}
			Failure failure = lastFailure;
			if (failure != null && now - failure.until < 0) {
				return CompletableFuture.failedFuture(failure.exception);
			}
			CompletableFuture<Entry> pending = flight.get();
			if (pending == null) {
				CompletableFuture<Entry> mine = new CompletableFuture<>();
				if (!flight.compareAndSet(null, mine)) {
					continue;
				}
				if (async) {
					fetchOnExecutor(mine, false);
				}
				else {
					fetch(mine, false);
				}
				pending = mine;
			}
			return pending;
		}
	}

	/** Starts one background renewal unless one is running or the last failure is cooling down. */
	private void renewInBackground(long now) {
		if (flight.get() != null) {
			return;
		}
		Failure failure = lastFailure;
		if (failure != null && now - failure.until < 0) {
			return;
		}
		CompletableFuture<Entry> renewal = new CompletableFuture<>();
		if (!flight.compareAndSet(null, renewal)) {
			return;
		}
		fetchOnExecutor(renewal, true);
	}

	/**
	 * Runs the flight {@code mine} on the renewal executor. A background renewal the executor rejects runs on the
	 * caller (who still has a usable token to return afterwards); an asynchronous fetch fails instead, because its
	 * caller may be an event loop that must not block.
	 */
	private void fetchOnExecutor(CompletableFuture<Entry> mine, boolean background) {
		try {
			renewalExecutor.execute(() -> fetch(mine, background));
		}
		catch (RejectedExecutionException ex) {
			if (background) {
				fetch(mine, true);
				return;
			}
			flight.set(null);
			mine.completeExceptionally(TokenAcquisitionException.builder(registrationId, null)
				.reason("the renewal executor rejected the token request")
				.cause(ex)
				.build());
		}
	}

	/**
	 * Runs the request of {@code mine}, the current flight, unless a fresh token or a cooling failure arrived
	 * between the caller's check and its winning the flight; publishes the outcome, then ends the flight.
	 */
	private void fetch(CompletableFuture<Entry> mine, boolean background) {
		Entry result = null;
		Throwable error = null;
		try {
			long started = ticker.read();
			Entry existing = current.get();
			Failure failure = lastFailure;
			if (existing != null && started - existing.renewAt < 0) {
				result = existing;
			}
			else if (failure != null && started - failure.until < 0) {
				error = failure.exception;
			}
			else {
				TokenRequestKind kind = kindOfRequest(background);
				if (logger.isDebugEnabled()) {
					logger.debug("Requesting an access token for registration '" + registrationId + "' ("
							+ describe(kind) + ")");
				}
				result = entryFor(requestObserver.observe(registrationId, kind, delegate), started);
				current.set(result);
				lastFailure = null;
				lastSuccessAt = clock.instant();
				if (logger.isDebugEnabled()) {
					logger.debug("Cached a new access token of registration '" + registrationId + "', renewed in "
							+ Duration.ofNanos(result.renewAt - started).toSeconds() + " s, handed out for "
							+ Duration.ofNanos(result.usableUntil - started).toSeconds() + " s");
				}
			}
		}
		catch (RuntimeException ex) {
			Failure previous = lastFailure;
			if (!Thread.currentThread().isInterrupted()) {
				// an interrupted caller's failure says nothing about the server: no cool-down for it
				lastFailure = new Failure(ex, ticker.read() + policy.coolDownAfter(ex).toNanos());
				lastFailureAt = clock.instant();
			}
			if (background) {
				logRenewalFailure(ex, previous == null);
			}
			error = ex;
		}
		catch (Error ex) {
			error = ex;
		}
		flight.set(null);
		if (error != null) {
			mine.completeExceptionally(error);
		}
		else {
			mine.complete(result);
		}
	}

	/** Why this request is made; consumes the 401 mark, so only the first request after a 401 counts as its retry. */
	private TokenRequestKind kindOfRequest(boolean background) {
		if (background) {
			return TokenRequestKind.RENEWAL;
		}
		if (invalidated) {
			invalidated = false;
			return TokenRequestKind.AFTER_INVALIDATION;
		}
		return TokenRequestKind.COLD_FETCH;
	}

	private static String describe(TokenRequestKind kind) {
		return switch (kind) {
			case COLD_FETCH -> "no usable token cached";
			case RENEWAL -> "renewal ahead of expiry, in the background";
			case AFTER_INVALIDATION -> "the last token was rejected with 401";
		};
	}

	private Entry entryFor(OAuth2Token token, long started) {
		if (token == null) {
			throw new IllegalStateException(delegate + " returned no token");
		}
		long lifetime = policy.lifetimeOf(token, clock).toNanos();
		long usableFor = policy.usableForNanos(lifetime);
		// a renewal as slow as this fetch must still finish before the token stops being handed out: with a slow
		// endpoint and a short-lived token, start it earlier than the policy's window (never before the fetch)
		long fetchNanos = Math.max(0, ticker.read() - started);
		long renewAfter = Math.max(0, Math.min(policy.renewAfterNanos(lifetime), usableFor - 2 * fetchNanos));
		return new Entry(token, started + renewAfter, started + usableFor);
	}

	private Entry await(CompletableFuture<Entry> pending) {
		try {
			return pending.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw TokenAcquisitionException.builder(registrationId, null)
					.reason("interrupted while waiting for the token request of another thread").cause(ex).build();
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			if (cause instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (cause instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException(cause);
		}
	}

	private void logRenewalFailure(RuntimeException ex, boolean first) {
		Entry entry = current.get();
		String still = (entry != null && ticker.read() - entry.usableUntil < 0)
				? "; the current token stays in use for up to "
						+ Duration.ofNanos(entry.usableUntil - ticker.read()).toSeconds() + " s"
				: "";
		String message = "Background renewal of the access token of registration '" + registrationId + "' failed"
				+ still + ": " + ex.getMessage();
		if (first) {
			logger.warn(message);
		}
		else if (logger.isDebugEnabled()) {
			logger.debug(message);
		}
	}

	private static boolean sameToken(OAuth2Token cached, OAuth2Token rejected) {
		return cached == rejected || Objects.equals(cached.accessToken(), rejected.accessToken());
	}

	/** A cached token and, in ticker nanoseconds, when its renewal starts and when it stops being handed out. */
	private record Entry(OAuth2Token token, long renewAt, long usableUntil) {

		@Override
		public String toString() {
			return "Entry[renewAt=" + renewAt + ", usableUntil=" + usableUntil + "]";
		}
	}

	/** The last failure and, in ticker nanoseconds, when its cool-down ends. */
	private record Failure(RuntimeException exception, long until) {
	}

	/** The default renewal executor: daemon threads, created on demand, gone after a minute of idleness. */
	private static final class RenewalThreads {

		private static final AtomicInteger COUNT = new AtomicInteger();

		static final ExecutorService EXECUTOR = Executors.newCachedThreadPool(runnable -> {
			Thread thread = new Thread(runnable, "oauth-token-renewal-" + COUNT.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	/** Configures a {@link CachingTokenProvider}. */
	public static final class Builder {

		private final TokenProvider delegate;

		private RenewalPolicy policy = RenewalPolicy.defaults();

		private Ticker ticker = Ticker.SYSTEM;

		private Clock clock = Clock.systemUTC();

		private Executor renewalExecutor;

		private String registrationId = "default";

		private TokenRequestObserver requestObserver = TokenRequestObserver.NONE;

		private Builder(TokenProvider delegate) {
			this.delegate = delegate;
		}

		/** When to renew, default lifetime, cool-down. */
		public Builder renewalPolicy(RenewalPolicy policy) {
			this.policy = Objects.requireNonNull(policy, "policy");
			return this;
		}

		/** The monotonic time source (default {@link Ticker#SYSTEM}). */
		public Builder ticker(Ticker ticker) {
			this.ticker = Objects.requireNonNull(ticker, "ticker");
			return this;
		}

		/** The wall clock, read only to turn a JWT {@code exp} into a lifetime (default UTC system clock). */
		public Builder clock(Clock clock) {
			this.clock = Objects.requireNonNull(clock, "clock");
			return this;
		}

		/** Where background renewals run (default: shared daemon threads). */
		public Builder renewalExecutor(Executor executor) {
			this.renewalExecutor = Objects.requireNonNull(executor, "executor");
			return this;
		}

		/** The registration name, for messages. */
		public Builder registrationId(String registrationId) {
			this.registrationId = Objects.requireNonNull(registrationId, "registrationId");
			return this;
		}

		/** What wraps every request to the delegate, such as a Micrometer observation (default: nothing). */
		public Builder requestObserver(TokenRequestObserver requestObserver) {
			this.requestObserver = Objects.requireNonNull(requestObserver, "requestObserver");
			return this;
		}

		/** The provider. */
		public CachingTokenProvider build() {
			return new CachingTokenProvider(this);
		}
	}
}
