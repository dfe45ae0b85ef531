package io.github.oauthclient.reactive;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import reactor.blockhound.BlockHound;
import reactor.blockhound.BlockingOperationError;

/**
 * Installs Reactor's BlockHound once per JVM and records every blocking call it sees on a non-blocking thread (event
 * loops such as {@code reactor-http-nio-*}, Reactor's parallel scheduler), besides failing that call.
 *
 * <p>BlockHound instruments JDK classes for the rest of the JVM's life, so the tests using it carry the JUnit tag
 * {@value #TAG} and run in their own surefire execution (see the module's pom).
 */
final class BlockingCallDetector {

    /** The JUnit tag of tests that install BlockHound. */
    static final String TAG = "blockhound";

    private static final List<String> detected = new CopyOnWriteArrayList<>();

    private static boolean installed;

    private BlockingCallDetector() {
    }

    /** Installs BlockHound (once) and forgets earlier detections. */
    static synchronized void install() {
        if (!installed) {
            BlockHound.install((builder) -> builder.blockingMethodCallback((method) -> {
                detected.add(method + " on thread " + Thread.currentThread().getName());
                throw new BlockingOperationError(method);
            }));
            installed = true;
        }
        detected.clear();
    }

    /** The blocking calls seen since {@link #install()}, each with its thread. */
    static List<String> detected() {
        return List.copyOf(detected);
    }

    /** Forgets the detections (after a test provoked one on purpose). */
    static void clear() {
        detected.clear();
    }

}
