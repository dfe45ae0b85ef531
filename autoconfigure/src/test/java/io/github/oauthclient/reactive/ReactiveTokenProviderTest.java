package io.github.oauthclient.reactive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import io.github.oauthclient.core.OAuth2Token;
import io.github.oauthclient.token.CachingTokenProvider;
import io.github.oauthclient.token.TokenProvider;

/**
 * How {@link ReactiveTokenProvider} reaches the cache: the cached token from a kept Mono without scheduling, a cold
 * cache through the renewal executor (nothing runs on the subscriber's thread), other providers on bounded-elastic.
 */
class ReactiveTokenProviderTest {

	private final AtomicInteger delegateCalls = new AtomicInteger();

	private final AtomicReference<String> delegateThread = new AtomicReference<>();

	private final List<Runnable> tasks = new ArrayList<>();

	private final TokenProvider delegate = () -> {
		this.delegateCalls.incrementAndGet();
		this.delegateThread.set(Thread.currentThread().getName());
		return token("T" + this.delegateCalls.get());
	};

	private final CachingTokenProvider cache = CachingTokenProvider.builder(this.delegate)
		.renewalExecutor(this.tasks::add)
		.build();

	@Test
	void aCachedTokenComesFromTheSameMonoWithoutScheduling() {
		OAuth2Token cached = this.cache.token();
		ReactiveTokenProvider tokens = new ReactiveTokenProvider(this.cache);
		Mono<OAuth2Token> first = tokens.token();
		assertThat(tokens.token()).isSameAs(first);
		assertThat(first.block()).isSameAs(cached);
		assertThat(this.tasks).isEmpty();
		assertThat(this.delegateCalls).hasValue(1);
	}

	@Test
	void aColdCacheIsFilledOnTheRenewalExecutorNotOnTheSubscriber() {
		ReactiveTokenProvider tokens = new ReactiveTokenProvider(this.cache);
		AtomicReference<OAuth2Token> received = new AtomicReference<>();
		tokens.token().subscribe(received::set);
		assertThat(this.delegateCalls).as("nothing ran on the subscribing thread").hasValue(0);
		assertThat(this.tasks).hasSize(1);
		Thread executor = new Thread(this.tasks.get(0), "renewal-executor");
		executor.start();
		join(executor);
		assertThat(received.get()).isNotNull().isSameAs(this.cache.cachedToken());
		assertThat(this.delegateThread).hasValue("renewal-executor");
	}

	@Test
	void anotherProviderRunsOnBoundedElastic() {
		ReactiveTokenProvider tokens = new ReactiveTokenProvider(this.delegate);
		assertThat(tokens.token().block()).isNotNull();
		assertThat(this.delegateThread.get()).startsWith("boundedElastic");
	}

	private static void join(Thread thread) {
		try {
			thread.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	private static OAuth2Token token(String value) {
		return OAuth2Token.of(Map.of("access_token", value, "token_type", "Bearer", "expires_in", 3600L));
	}

}
