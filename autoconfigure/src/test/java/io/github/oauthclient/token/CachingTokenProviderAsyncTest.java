package io.github.oauthclient.token;

import static io.github.oauthclient.token.TestTokens.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.oauthclient.core.OAuth2Token;
import io.github.oauthclient.testsupport.FakeTicker;

/**
 * The non-blocking side of the cache ({@link CachingTokenProvider#cachedToken()} and
 * {@link CachingTokenProvider#tokenAsync()}), with a fake ticker, a manual executor and a scripted delegate: the
 * token request runs only when the test runs the executor, so "the caller did not block" is exact.
 */
class CachingTokenProviderAsyncTest {

	private final FakeTicker ticker = new FakeTicker();

	private final ManualExecutor executor = new ManualExecutor();

	private final ScriptedTokenProvider delegate = new ScriptedTokenProvider();

	private final ExecutorService threads = Executors.newCachedThreadPool();

	private final CachingTokenProvider cache = CachingTokenProvider.builder(this.delegate)
		.ticker(this.ticker)
		.renewalExecutor(this.executor)
		.registrationId("orders")
		.build();

	@AfterEach
	void stopThreads() {
		this.threads.shutdownNow();
	}

	@Test
	void aColdCacheStartsOneRequestOnTheExecutorThatAllAsyncCallersShare() throws Exception {
		OAuth2Token a = token("A", 60);
		this.delegate.thenReturn(a);
		assertThat(this.cache.cachedToken()).isNull();
		CompletableFuture<OAuth2Token> first = this.cache.tokenAsync();
		CompletableFuture<OAuth2Token> second = this.cache.tokenAsync();
		assertThat(first).isNotDone();
		assertThat(second).isNotDone();
		assertThat(this.delegate.calls()).as("nothing ran on the caller's thread").isZero();
		assertThat(this.executor.pending()).isEqualTo(1);
		this.executor.runAll();
		assertThat(first.get()).isSameAs(a);
		assertThat(second.get()).isSameAs(a);
		assertThat(this.delegate.calls()).isEqualTo(1);
	}

	@Test
	void aFreshTokenIsReturnedAtOnceWithoutScheduling() throws Exception {
		OAuth2Token a = token("A", 60);
		this.delegate.thenReturn(a);
		this.cache.token();
		assertThat(this.cache.cachedToken()).isSameAs(a);
		CompletableFuture<OAuth2Token> future = this.cache.tokenAsync();
		assertThat(future).isDone();
		assertThat(future.get()).isSameAs(a);
		assertThat(this.executor.submitted()).isZero();
	}

	@Test
	void inTheRenewalWindowTheCurrentTokenIsReturnedAndOneRenewalStarts() throws Exception {
		OAuth2Token a = token("A", 60);
		OAuth2Token b = token("B", 60);
		this.delegate.thenReturn(a).thenReturn(b);
		this.cache.token();
		this.ticker.advance(Duration.ofSeconds(50));
		assertThat(this.cache.tokenAsync().get()).isSameAs(a);
		assertThat(this.cache.cachedToken()).isSameAs(a);
		assertThat(this.executor.pending()).isEqualTo(1);
		this.executor.runAll();
		assertThat(this.cache.cachedToken()).isSameAs(b);
	}

	@Test
	void aBlockingCallerAndAsyncCallersShareTheBlockingCallersRequest() throws Exception {
		OAuth2Token a = token("A", 60);
		CountDownLatch inDelegate = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		this.delegate.otherwise(() -> {
			inDelegate.countDown();
			try {
				release.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return a;
		});
		Future<OAuth2Token> blocking = this.threads.submit(this.cache::token);
		inDelegate.await();
		CompletableFuture<OAuth2Token> async = this.cache.tokenAsync();
		assertThat(async).isNotDone();
		assertThat(this.executor.submitted()).as("joins the flight in progress").isZero();
		release.countDown();
		assertThat(blocking.get()).isSameAs(a);
		assertThat(async.get()).isSameAs(a);
		assertThat(this.delegate.calls()).isEqualTo(1);
	}

	@Test
	void aFailureCompletesTheSharedFutureAndCoolsDownWithoutANewRequest() {
		IllegalStateException failure = new IllegalStateException("token endpoint down");
		this.delegate.thenThrow(failure);
		CompletableFuture<OAuth2Token> first = this.cache.tokenAsync();
		this.executor.runAll();
		assertThat(first).isCompletedExceptionally();
		assertThat(catchCause(first)).isSameAs(failure);
		CompletableFuture<OAuth2Token> during = this.cache.tokenAsync();
		assertThat(during).as("within the cool-down: the same error at once").isCompletedExceptionally();
		assertThat(catchCause(during)).isSameAs(failure);
		assertThat(this.executor.submitted()).isEqualTo(1);
		assertThat(this.delegate.calls()).isEqualTo(1);
	}

	@Test
	void anExecutorThatRejectsFailsTheAsyncCallerInsteadOfRunningTheRequestOnItsThread() {
		CachingTokenProvider rejecting = CachingTokenProvider.builder(this.delegate)
			.ticker(this.ticker)
			.renewalExecutor((task) -> {
				throw new RejectedExecutionException("shut down");
			})
			.registrationId("orders")
			.build();
		this.delegate.thenReturn(token("A", 60));
		CompletableFuture<OAuth2Token> future = rejecting.tokenAsync();
		assertThat(future).isCompletedExceptionally();
		assertThat(catchCause(future)).isInstanceOf(TokenAcquisitionException.class)
			.hasMessageContaining("orders")
			.hasMessageContaining("rejected");
		assertThat(this.delegate.calls()).isZero();
		assertThat(rejecting.token()).as("the flight was released: a blocking caller still gets a token")
			.isNotNull();
	}

	private static Throwable catchCause(CompletableFuture<OAuth2Token> future) {
		try {
			future.get();
			throw new AssertionError("expected a failure");
		}
		catch (ExecutionException ex) {
			return ex.getCause();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

}
