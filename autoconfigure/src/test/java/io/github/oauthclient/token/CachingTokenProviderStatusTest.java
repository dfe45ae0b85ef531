package io.github.oauthclient.token;

import static io.github.oauthclient.token.TestTokens.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.oauthclient.core.OAuth2Token;
import io.github.oauthclient.testsupport.FakeTicker;

/**
 * What the cache passes to its {@link TokenRequestObserver} (the kind of each request) and reports in
 * {@link CachingTokenProvider#status()}, with a fake ticker and a scripted delegate. With the default policy a 60 s
 * token is renewed after 45 s and handed out for 57 s.
 */
class CachingTokenProviderStatusTest {

	private final FakeTicker ticker = new FakeTicker();

	private final ManualExecutor executor = new ManualExecutor();

	private final ScriptedTokenProvider delegate = new ScriptedTokenProvider();

	private final List<String> observed = new ArrayList<>();

	private final CachingTokenProvider cache = CachingTokenProvider.builder(delegate)
		.ticker(ticker)
		.renewalExecutor(executor)
		.registrationId("orders")
		.requestObserver((registration, kind, request) -> {
			observed.add(registration + ":" + kind.value());
			return request.token();
		})
		.build();

	@Test
	void eachRequestIsObservedWithItsKind() {
		OAuth2Token a = token("A", 60);
		delegate.thenReturn(a).thenReturn(token("B", 60)).thenReturn(token("C", 60));
		cache.token();
		cache.token();
		assertThat(observed).containsExactly("orders:cold_fetch");

		cache.invalidate(a);
		assertThat(cache.token().accessToken()).isEqualTo("B");
		assertThat(observed).containsExactly("orders:cold_fetch", "orders:retry_after_401");

		ticker.advance(Duration.ofSeconds(46));
		assertThat(cache.token().accessToken()).as("still B while renewing").isEqualTo("B");
		executor.runAll();
		assertThat(observed).containsExactly("orders:cold_fetch", "orders:retry_after_401", "orders:renewal");
		assertThat(cache.token().accessToken()).isEqualTo("C");
		assertThat(delegate.calls()).isEqualTo(3);
	}

	@Test
	void aStaleInvalidationDoesNotMakeTheNextRequestARetryAfter401() {
		OAuth2Token a = token("A", 60);
		delegate.thenReturn(a).thenReturn(token("B", 60));
		cache.token();
		cache.invalidate(token("not-cached", 60));
		ticker.advance(Duration.ofSeconds(58));
		cache.token();
		assertThat(observed).containsExactly("orders:cold_fetch", "orders:cold_fetch");
	}

	@Test
	void statusFollowsTheCacheWithoutStartingRequests() {
		TokenCacheStatus before = cache.status();
		assertThat(before.neverUsed()).isTrue();
		assertThat(before.hasUsableToken()).isFalse();
		assertThat(delegate.calls()).isZero();

		OAuth2Token a = token("A", 60);
		delegate.thenReturn(a).thenThrow(TokenAcquisitionException.builder("orders", "https://as/token")
			.httpStatus(401).error("invalid_client", "no").build());
		cache.token();
		cache.token();
		ticker.advance(Duration.ofSeconds(7));
		TokenCacheStatus up = cache.status();
		assertThat(up.validFor()).isEqualTo(Duration.ofSeconds(50));
		assertThat(up.lastSuccess()).isNotNull();
		assertThat(up.lastFailure()).isNull();
		assertThat(up.cacheHits()).isEqualTo(1);

		cache.invalidate(a);
		assertThatThrownBy(cache::token).isInstanceOf(TokenAcquisitionException.class);
		TokenCacheStatus down = cache.status();
		assertThat(down.hasUsableToken()).isFalse();
		assertThat(down.lastError()).isEqualTo("invalid_client");
		assertThat(down.lastFailure()).isNotNull();
		assertThat(down.lastSuccess()).isEqualTo(up.lastSuccess());
		assertThat(down.invalidations()).isEqualTo(1);
		assertThat(down.toString()).doesNotContain("A,").doesNotContain("token=");
		assertThat(delegate.calls()).isEqualTo(2);
	}

	@Test
	void outcomesStayLowCardinality() {
		assertThat(TokenRequestOutcome.of(null)).isEqualTo("success");
		assertThat(TokenRequestOutcome.of(failure(400, "invalid_scope", null))).isEqualTo("invalid_scope");
		assertThat(TokenRequestOutcome.of(failure(400, "made_up_" + System.nanoTime(), null)))
			.isEqualTo("other_error");
		assertThat(TokenRequestOutcome.of(failure(0, null, new java.io.IOException("reset")))).isEqualTo("io_error");
		assertThat(TokenRequestOutcome.of(failure(502, null, null))).isEqualTo("invalid_response");
		assertThat(TokenRequestOutcome.of(new IllegalStateException())).isEqualTo("other_error");
	}

	private static TokenAcquisitionException failure(int status, String error, Throwable cause) {
		return TokenAcquisitionException.builder("orders", null).httpStatus(status).error(error, null).cause(cause)
			.build();
	}
}
