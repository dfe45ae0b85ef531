package io.github.oauthclient.reactive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import reactor.blockhound.BlockHound;
import reactor.blockhound.BlockingOperationError;

/**
 * A JUnit extension (used through {@link WatchedByBlockHound}) that installs Reactor's BlockHound once per JVM,
 * records every blocking call it sees on a non-blocking thread (event loops such as {@code reactor-http-nio-*},
 * Reactor's parallel scheduler) besides failing that call, and fails each test after which a blocking call was
 * recorded. The one allowance is Jackson's one-time deserializer construction (see {@link #install()}).
 */
final class BlockingCallDetector implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback {

	/** The JUnit tag of tests that install BlockHound (they run in their own surefire execution). */
	static final String TAG = "blockhound";

	private static final List<String> detected = new CopyOnWriteArrayList<>();

	private static boolean installed;

	@Override
	public void beforeAll(ExtensionContext context) {
		install();
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		clear();
	}

	@Override
	public void afterEach(ExtensionContext context) {
		assertThat(detected()).as("blocking calls on non-blocking threads").isEmpty();
	}

	private static synchronized void install() {
		if (!installed) {
			BlockHound.install((builder) -> builder
				// Jackson builds a deserializer once per type under a lock; concurrent first decodes (ours are
				// concurrent on purpose) contend for it briefly. Not the starter's code, and not per request.
				.allowBlockingCallsInside("tools.jackson.databind.deser.DeserializerCache",
						"_createAndCacheValueDeserializer")
				.blockingMethodCallback((method) -> {
					detected.add(method + " on thread " + Thread.currentThread().getName());
					throw new BlockingOperationError(method);
				}));
			installed = true;
		}
	}

	/** The blocking calls seen since the test started, each with its thread. */
	static List<String> detected() {
		return List.copyOf(detected);
	}

	/** Forgets the detections (after a test provoked one on purpose). */
	static void clear() {
		detected.clear();
	}

}
