package io.github.oauthclient.token;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.oauthclient.core.OAuth2Token;

import static io.github.oauthclient.token.TestTokens.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryingTokenProviderTest {

	private final ScriptedTokenProvider delegate = new ScriptedTokenProvider();

	private final List<Duration> waits = new ArrayList<>();

	private RetryingTokenProvider retrying(RetryPolicy policy, double random) {
		return new RetryingTokenProvider(delegate, policy, waits::add, () -> random);
	}

	@Test
	void retriesServerErrorsWithGrowingWaits() {
		OAuth2Token a = token("A", 60);
		delegate.thenThrow(failure(503, true, null)).thenThrow(failure(500, true, null)).thenReturn(a);
		assertThat(retrying(RetryPolicy.defaults(), 0.0).token()).isSameAs(a);
		assertThat(delegate.calls()).isEqualTo(3);
		assertThat(waits).containsExactly(Duration.ofMillis(200), Duration.ofMillis(400));
	}

	@Test
	void jitterShortensWaitsByUpToItsFraction() {
		delegate.thenThrow(failure(503, true, null)).thenReturn(token("A", 60));
		retrying(RetryPolicy.defaults(), 0.999999).token();
		assertThat(waits.get(0)).isBetween(Duration.ofMillis(100), Duration.ofMillis(101));
	}

	@Test
	void givesUpAfterMaxAttemptsWithEarlierFailuresSuppressed() {
		TokenAcquisitionException first = failure(503, true, null);
		TokenAcquisitionException second = failure(502, true, null);
		TokenAcquisitionException third = failure(500, true, null);
		delegate.thenThrow(first).thenThrow(second).thenThrow(third);
		assertThatThrownBy(retrying(RetryPolicy.defaults(), 0.0)::token).isSameAs(third)
				.satisfies(ex -> assertThat(ex.getSuppressed()).containsExactly(second));
		assertThat(second.getSuppressed()).containsExactly(first);
		assertThat(delegate.calls()).isEqualTo(3);
	}

	@Test
	void doesNotRetryRefusals() {
		TokenAcquisitionException invalidClient = failure(401, false, null);
		delegate.thenThrow(invalidClient);
		assertThatThrownBy(retrying(RetryPolicy.defaults(), 0.0)::token).isSameAs(invalidClient);
		assertThat(delegate.calls()).isEqualTo(1);
		assertThat(waits).isEmpty();
	}

	@Test
	void doesNotRetryOtherExceptions() {
		IllegalStateException bug = new IllegalStateException("bug");
		delegate.thenThrow(bug);
		assertThatThrownBy(retrying(RetryPolicy.defaults(), 0.0)::token).isSameAs(bug);
		assertThat(delegate.calls()).isEqualTo(1);
	}

	@Test
	void waitsAtLeastAsLongAsRetryAfterSays() {
		delegate.thenThrow(failure(429, true, Duration.ofSeconds(3))).thenReturn(token("A", 60));
		retrying(RetryPolicy.defaults(), 0.0).token();
		assertThat(waits).containsExactly(Duration.ofSeconds(3));
	}

	@Test
	void givesUpAtOnceWhenRetryAfterIsLongerThanItWaits() {
		TokenAcquisitionException busy = failure(503, true, Duration.ofSeconds(30));
		delegate.thenThrow(busy);
		assertThatThrownBy(retrying(RetryPolicy.defaults(), 0.0)::token).isSameAs(busy);
		assertThat(delegate.calls()).isEqualTo(1);
	}

	@Test
	void noRetriesMeansOneAttempt() {
		delegate.thenThrow(failure(503, true, null));
		assertThatThrownBy(retrying(RetryPolicy.noRetries(), 0.0)::token)
				.isInstanceOf(TokenAcquisitionException.class);
		assertThat(delegate.calls()).isEqualTo(1);
	}

	@Test
	void anInterruptedWaitEndsTheRetries() {
		TokenAcquisitionException down = failure(503, true, null);
		delegate.thenThrow(down);
		RetryingTokenProvider retrying = new RetryingTokenProvider(delegate, RetryPolicy.defaults(), duration -> {
			throw new InterruptedException();
		}, () -> 0.0);
		try {
			assertThatThrownBy(retrying::token).isSameAs(down);
			assertThat(Thread.currentThread().isInterrupted()).isTrue();
		}
		finally {
			Thread.interrupted();
		}
	}

	@Test
	void backoffIsCapped() {
		RetryPolicy policy = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofMillis(500), 3.0, 0.0,
				Duration.ofSeconds(5));
		assertThat(policy.backoff(1, 0.5)).isEqualTo(Duration.ofMillis(100));
		assertThat(policy.backoff(2, 0.5)).isEqualTo(Duration.ofMillis(300));
		assertThat(policy.backoff(3, 0.5)).isEqualTo(Duration.ofMillis(500));
		assertThat(policy.backoff(9, 0.5)).isEqualTo(Duration.ofMillis(500));
	}

	@Test
	void policyRefusesNonsense() {
		assertThatThrownBy(() -> RetryPolicy.of(0, Duration.ofMillis(1))).hasMessageContaining("maxAttempts");
		assertThatThrownBy(() -> RetryPolicy.of(2, Duration.ofMillis(-1))).hasMessageContaining("initialBackoff");
		assertThat(RetryPolicy.of(5, Duration.ofSeconds(3)).maxBackoff()).isEqualTo(Duration.ofSeconds(3));
	}

	private static TokenAcquisitionException failure(int status, boolean retryable, Duration retryAfter) {
		return TokenAcquisitionException.builder("orders", "https://idp.example.com/token").httpStatus(status)
				.retryable(retryable).retryAfter(retryAfter).build();
	}
}
