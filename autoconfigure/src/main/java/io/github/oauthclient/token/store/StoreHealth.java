package io.github.oauthclient.token.store;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.github.oauthclient.token.Ticker;

/**
 * Whether the shared store is worth asking: after a failure it is left alone for a retry interval, so that while it
 * is down no caller pays its timeout more than once per interval; logs one WARN when it goes away and one INFO when
 * it is back.
 *
 * <p>Exists so that every registration sharing a store shares one view of its health, and the log says once, not
 * per call, that the fleet has fallen back to per-instance fetching.
 */
final class StoreHealth {

	private static final Log logger = LogFactory.getLog(SharedTokenProvider.class);

	private final String storeName;

	private final Duration retryInterval;

	private final Ticker ticker;

	private volatile boolean down;

	private volatile long retryAt;

	StoreHealth(String storeName, Duration retryInterval, Ticker ticker) {
		this.storeName = storeName;
		this.retryInterval = retryInterval;
		this.ticker = ticker;
	}

	/** Whether to use the store now: it is up, or down and due for another try. */
	boolean worthTrying() {
		return !down || ticker.read() - retryAt >= 0;
	}

	/** Records a failed operation; the first after a success logs a WARN. */
	void failed(RuntimeException ex) {
		boolean first;
		synchronized (this) {
			first = !down;
			down = true;
			retryAt = ticker.read() + retryInterval.toNanos();
		}
		String message = "The shared token cache (" + storeName + ") is unavailable (" + describe(ex)
				+ "); each instance fetches its own tokens until it is back (next try in "
				+ retryInterval.toMillis() + " ms)";
		if (first) {
			logger.warn(message);
		}
		else if (logger.isDebugEnabled()) {
			logger.debug(message);
		}
	}

	/** Records a successful operation; the first after a failure logs an INFO. */
	void succeeded() {
		if (!down) {
			return;
		}
		synchronized (this) {
			if (!down) {
				return;
			}
			down = false;
		}
		logger.info("The shared token cache (" + storeName + ") is available again; instances share tokens again");
	}

	private static String describe(RuntimeException ex) {
		String message = ex.getMessage();
		return ex.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
	}
}
