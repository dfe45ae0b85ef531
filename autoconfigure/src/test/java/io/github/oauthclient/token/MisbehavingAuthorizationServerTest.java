package io.github.oauthclient.token;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.github.oauthclient.core.BackendApplicationClient;
import io.github.oauthclient.core.OAuth2Token;
import io.github.oauthclient.testsupport.FakeTicker;
import io.github.oauthclient.testsupport.FaultInjectingTokenEndpoint;
import io.github.oauthclient.testsupport.Reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The whole chain over real HTTP while the authorization server misbehaves: retries, cool-down, stale-while-renewing
 * and garbage that poisons nothing. The cache runs on a fake ticker so that expiry and cool-down are exact.
 */
class MisbehavingAuthorizationServerTest {

	private static final String SECRET = "s3cr3t-p+ss";

	private final FakeTicker ticker = new FakeTicker();

	private FaultInjectingTokenEndpoint endpoint;

	private ExecutorService renewals;

	private final AtomicInteger renewalsFinished = new AtomicInteger();

	@BeforeEach
	void start() {
		endpoint = FaultInjectingTokenEndpoint.start();
		renewals = Executors.newSingleThreadExecutor();
	}

	@AfterEach
	void stop() {
		renewals.shutdownNow();
		endpoint.close();
	}

	private CachingTokenProvider chain(RetryPolicy retries) {
		TokenEndpointClient client = new TokenEndpointClient(BackendApplicationClient.builder("orders-service")
				.insecureTransport(true).build(), TokenEndpointSettings.builder().registrationId("orders")
				.tokenUri(endpoint.tokenUri()).clientId("orders-service").clientSecret(SECRET).build());
		return CachingTokenProvider.builder(new RetryingTokenProvider(client, retries)).ticker(ticker)
				.renewalExecutor(task -> renewals.execute(() -> {
					try {
						task.run();
					}
					finally {
						renewalsFinished.incrementAndGet();
					}
				}))
				.registrationId("orders").build();
	}

	@Test
	void serverErrorsTooManyRequestsAndDroppedConnectionsAreRetried() {
		endpoint.enqueue(Reply.of(503, "text/html", "<h1>Service Unavailable</h1>"),
				Reply.error(429, "slow_down", "easy").withHeader("Retry-After", "1"), Reply.droppedConnection(),
				Reply.token("finally", 60));
		long started = System.nanoTime();
		OAuth2Token token = chain(new RetryPolicy(4, Duration.ofMillis(10), Duration.ofMillis(50), 2.0, 0.5,
				Duration.ofSeconds(5))).token();
		long elapsed = System.nanoTime() - started;
		assertThat(token.accessToken()).isEqualTo("finally");
		assertThat(endpoint.requestCount()).isEqualTo(4);
		assertThat(elapsed).as("waited for Retry-After: 1").isGreaterThanOrEqualTo(TimeUnit.SECONDS.toNanos(1));
	}

	@Test
	void refusalsAreNotRetried() {
		endpoint.setDefault(Reply.error(401, "invalid_client", "Client authentication failed"));
		CachingTokenProvider cache = chain(RetryPolicy.defaults());
		TokenAcquisitionException failure = catchThrowableOfType(TokenAcquisitionException.class, cache::token);
		assertThat(failure.httpStatus()).isEqualTo(401);
		assertThat(endpoint.requestCount()).isEqualTo(1);
	}

	@Test
	void callersWithinTheCoolDownGetTheSameErrorWithoutNewRequests() {
		endpoint.setDefault(Reply.error(503, "temporarily_unavailable", "maintenance"));
		CachingTokenProvider cache = chain(RetryPolicy.noRetries());
		TokenAcquisitionException first = catchThrowableOfType(TokenAcquisitionException.class, cache::token);
		for (int i = 0; i < 1000; i++) {
			assertThatThrownBy(cache::token).isSameAs(first);
		}
		assertThat(endpoint.requestCount()).isEqualTo(1);

		ticker.advance(Duration.ofSeconds(1));
		assertThatThrownBy(cache::token).isInstanceOf(TokenAcquisitionException.class).isNotSameAs(first);
		assertThat(endpoint.requestCount()).isEqualTo(2);
	}

	@Test
	void retryAfterBeyondTheRetryLimitStretchesTheCoolDown() {
		endpoint.setDefault(Reply.error(429, "slow_down", "come back later").withHeader("Retry-After", "30"));
		CachingTokenProvider cache = chain(RetryPolicy.defaults());
		assertThatThrownBy(cache::token).isInstanceOf(TokenAcquisitionException.class);
		assertThat(endpoint.requestCount()).as("no retry: 30 s is more than the policy waits").isEqualTo(1);
		ticker.advance(Duration.ofSeconds(29));
		assertThatThrownBy(cache::token).isInstanceOf(TokenAcquisitionException.class);
		assertThat(endpoint.requestCount()).isEqualTo(1);
		ticker.advance(Duration.ofSeconds(1));
		assertThatThrownBy(cache::token).isInstanceOf(TokenAcquisitionException.class);
		assertThat(endpoint.requestCount()).isEqualTo(2);
	}

	@Test
	void whileRenewalKeepsFailingCallersKeepTheValidTokenThenGetAClearError() throws Exception {
		endpoint.enqueue(Reply.token("still-good", 60));
		endpoint.setDefault(Reply.error(503, "temporarily_unavailable", "database maintenance"));
		CachingTokenProvider cache = chain(RetryPolicy.of(2, Duration.ofMillis(10)));
		assertThat(cache.token().accessToken()).isEqualTo("still-good");

		ticker.advance(Duration.ofSeconds(45));
		assertThat(cache.token().accessToken()).isEqualTo("still-good");
		awaitRenewals(1);
		assertThat(endpoint.requestCount()).isEqualTo(1 + 2);
		for (int i = 0; i < 100; i++) {
			assertThat(cache.token().accessToken()).isEqualTo("still-good");
		}

		ticker.advance(Duration.ofSeconds(5));
		assertThat(cache.token().accessToken()).isEqualTo("still-good");
		awaitRenewals(2);
		assertThat(endpoint.requestCount()).isEqualTo(1 + 2 + 2);

		ticker.advance(Duration.ofSeconds(7));
		TokenAcquisitionException failure = catchThrowableOfType(TokenAcquisitionException.class, cache::token);
		assertThat(failure.registrationId()).isEqualTo("orders");
		assertThat(failure.tokenUri()).isEqualTo(endpoint.tokenUri());
		assertThat(failure.httpStatus()).isEqualTo(503);
		assertThat(failure.error()).isEqualTo("temporarily_unavailable");
		assertThat(failure.errorDescription()).isEqualTo("database maintenance");
		assertThat(failure.getMessage()).isEqualTo("Could not obtain an access token for registration 'orders' from "
				+ endpoint.tokenUri() + ": HTTP 503, error 'temporarily_unavailable': database maintenance")
				.doesNotContain(SECRET);
	}

	static Stream<Arguments> garbage() {
		return Stream.of(
				Arguments.of("an HTML error page", Reply.of(200, "text/html", "<html><h1>Oops</h1></html>")),
				Arguments.of("truncated JSON", Reply.json(200, "{\"access_token\":\"abc\",\"exp")),
				Arguments.of("200 with an error field", Reply.error(200, "server_error", "oops")),
				Arguments.of("no access_token", Reply.json(200, "{\"token_type\":\"Bearer\"}")),
				Arguments.of("expires_in \"abc\"", Reply.json(200, "{\"access_token\":\"a\",\"expires_in\":\"abc\"}")),
				Arguments.of("negative expires_in", Reply.token("a", -1)),
				Arguments.of("absurd expires_in", Reply.token("a", 99_999_999_999L)),
				Arguments.of("a JSON array", Reply.json(200, "[[\"access_token\",\"x\"]]")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("garbage")
	void garbageGivesAClearErrorAndPoisonsNothing(String what, Reply garbage) {
		endpoint.enqueue(garbage, Reply.token("good", 60));
		CachingTokenProvider cache = chain(RetryPolicy.defaults());
		TokenAcquisitionException failure = catchThrowableOfType(TokenAcquisitionException.class, cache::token);
		assertThat(failure).as(what).isNotNull();
		assertThat(failure.getMessage()).startsWith("Could not obtain an access token for registration 'orders'");
		assertThat(failure.isRetryable()).isFalse();
		assertThat(endpoint.requestCount()).isEqualTo(1);

		ticker.advance(Duration.ofSeconds(1));
		assertThat(cache.token().accessToken()).isEqualTo("good");
		assertThat(cache.token().accessToken()).isEqualTo("good");
		assertThat(endpoint.requestCount()).isEqualTo(2);
	}

	@Test
	void invalidateOverHttpDropsOnlyTheRejectedToken() {
		CachingTokenProvider cache = chain(RetryPolicy.defaults());
		OAuth2Token first = cache.token();
		cache.invalidate(first);
		OAuth2Token second = cache.token();
		cache.invalidate(first);
		assertThat(cache.token()).isSameAs(second);
		assertThat(first.accessToken()).isEqualTo("token-1");
		assertThat(second.accessToken()).isEqualTo("token-2");
		assertThat(endpoint.requestCount()).isEqualTo(2);
	}

	private void awaitRenewals(int count) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		while (renewalsFinished.get() < count) {
			assertThat(System.nanoTime() - deadline).as("renewal %d finished in time", count).isNegative();
			Thread.sleep(5);
		}
	}
}
