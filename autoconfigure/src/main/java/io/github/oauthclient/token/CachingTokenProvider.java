package io.github.oauthclient.token;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

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
    }

    /** A builder, for a ticker, clock, renewal executor or registration name other than the defaults. */
    public static Builder builder(TokenProvider delegate) {
        return new Builder(delegate);
    }

    @Override
    public OAuth2Token token() {
        Entry entry = current.get();
        if (entry != null) {
            long now = ticker.read();
            if (now - entry.renewAt < 0) {
                return entry.token;
            }
            if (now - entry.usableUntil < 0) {
                renewInBackground(now);
                return entry.token;
            }
        }
        return awaitToken();
    }

    @Override
    public void invalidate(OAuth2Token rejected) {
        Entry entry = current.get();
        if (entry != null && rejected != null && sameToken(entry.token, rejected)
                && current.compareAndSet(entry, null) && logger.isDebugEnabled()) {
            logger.debug("Dropped the rejected access token of registration '" + registrationId + "'");
        }
        delegate.invalidate(rejected); // a second cache level (shared store) drops it too
    }

    @Override
    public String toString() {
        return "CachingTokenProvider[registration=" + registrationId + ", " + policy + "]";
    }

    /** The slow path: no usable token. Returns one that became usable meanwhile, or waits for a request. */
    private OAuth2Token awaitToken() {
        for (;;) {
            long now = ticker.read();
            Entry entry = current.get();
            if (entry != null && now - entry.usableUntil < 0) {
                if (now - entry.renewAt >= 0) {
                    renewInBackground(now);
                }
                return entry.token;
            }
            Failure failure = lastFailure;
            if (failure != null && now - failure.until < 0) {
                throw failure.exception;
            }
            CompletableFuture<Entry> pending = flight.get();
            if (pending == null) {
                CompletableFuture<Entry> mine = new CompletableFuture<>();
                if (!flight.compareAndSet(null, mine)) {
                    continue;
                }
                fetch(mine, false);
                pending = mine;
            }
            return await(pending).token;
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
        try {
            renewalExecutor.execute(() -> fetch(renewal, true));
        }
        catch (RejectedExecutionException ex) {
            fetch(renewal, true);
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
                result = entryFor(delegate.token(), started);
                current.set(result);
                lastFailure = null;
            }
        }
        catch (RuntimeException ex) {
            Failure previous = lastFailure;
            if (!Thread.currentThread().isInterrupted()) {
                // an interrupted caller's failure says nothing about the server: no cool-down for it
                lastFailure = new Failure(ex, ticker.read() + policy.coolDownAfter(ex).toNanos());
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

    private Entry entryFor(OAuth2Token token, long started) {
        if (token == null) {
            throw new IllegalStateException(delegate + " returned no token");
        }
        long lifetime = policy.lifetimeOf(token, clock).toNanos();
        return new Entry(token, started + policy.renewAfterNanos(lifetime), started + policy.usableForNanos(lifetime));
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

        /** The provider. */
        public CachingTokenProvider build() {
            return new CachingTokenProvider(this);
        }
    }
}
