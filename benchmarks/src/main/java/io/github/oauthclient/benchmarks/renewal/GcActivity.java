package io.github.oauthclient.benchmarks.renewal;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

/**
 * Garbage collections of this JVM so far, to tell a renewal run's slowest call caused by a GC pause from one
 * caused by waiting for a token.
 * @param collections collections of all collectors
 * @param millis their accumulated time
 */
record GcActivity(long collections, long millis) {

	static GcActivity now() {
		long collections = 0;
		long millis = 0;
		for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
			collections += Math.max(0, collector.getCollectionCount());
			millis += Math.max(0, collector.getCollectionTime());
		}
		return new GcActivity(collections, millis);
	}

	GcActivity since(GcActivity earlier) {
		return new GcActivity(this.collections - earlier.collections, this.millis - earlier.millis);
	}

}
