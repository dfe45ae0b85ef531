package io.github.oauthclient.token;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A counter for the hot path: threads add to one of several padded slots (picked by the thread's identity hash)
 * with plain opaque reads and writes, no compare-and-set, no fence, no allocation; {@link #sum()} adds the slots up.
 *
 * <p>Exists because even a {@code LongAdder} costs the cached-token path a compare-and-set per call (about 4 ns, 15%
 * of it, in {@code HotPathPartsBenchmark.cachedToken}). The price: two threads that share a slot and increment at the
 * same instant can lose one count, so the sum is exact on one thread and may undercount slightly under heavy
 * contention; good enough for a cache-hit metric, not for anything that must balance.
 */
final class HitCounter {

	private static final int SLOTS = 32;

	/** 16 longs = 128 bytes between used slots, so no two slots share a cache line (nor an adjacent-line prefetch). */
	private static final int PADDING = 16;

	private static final VarHandle CELLS = MethodHandles.arrayElementVarHandle(long[].class);

	private final long[] cells = new long[SLOTS * PADDING];

	/** Adds one. */
	void increment() {
		int index = (System.identityHashCode(Thread.currentThread()) & (SLOTS - 1)) * PADDING;
		CELLS.setOpaque(cells, index, (long) CELLS.getOpaque(cells, index) + 1);
	}

	/** The sum over all slots. */
	long sum() {
		long sum = 0;
		for (int slot = 0; slot < SLOTS; slot++) {
			sum += (long) CELLS.getOpaque(cells, slot * PADDING);
		}
		return sum;
	}
}
