package io.github.oauthclient.token;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.github.oauthclient.core.OAuth2Token;

/**
 * A delegate for unit tests of the decorators: answers from a script (tokens or exceptions), then from a fallback,
 * and counts calls and the threads they ran on.
 */
final class ScriptedTokenProvider implements TokenProvider {

	private final Deque<Supplier<OAuth2Token>> script = new ArrayDeque<>();

	private final AtomicInteger calls = new AtomicInteger();

	private volatile Supplier<OAuth2Token> fallback = () -> {
		throw new IllegalStateException("script exhausted");
	};

	private volatile Thread lastThread;

	synchronized ScriptedTokenProvider thenReturn(OAuth2Token token) {
		script.add(() -> token);
		return this;
	}

	synchronized ScriptedTokenProvider thenThrow(RuntimeException failure) {
		script.add(() -> {
			throw failure;
		});
		return this;
	}

	ScriptedTokenProvider otherwise(Supplier<OAuth2Token> answer) {
		this.fallback = answer;
		return this;
	}

	int calls() {
		return calls.get();
	}

	Thread lastThread() {
		return lastThread;
	}

	@Override
	public OAuth2Token token() {
		calls.incrementAndGet();
		lastThread = Thread.currentThread();
		Supplier<OAuth2Token> next;
		synchronized (this) {
			next = script.poll();
		}
		return (next != null) ? next.get() : fallback.get();
	}
}
