package io.github.oauthclient.benchmarks.renewal;

import java.util.Arrays;

/**
 * One caller thread's call latencies in nanoseconds, kept raw (a few hundred thousand longs per run) so the
 * percentiles and the slowest call are exact, not bucketed. Not thread-safe: each caller has its own, merged
 * after the run.
 */
final class LatencyRecorder {

	private long[] nanos = new long[1 << 16];

	private int size;

	private long slowestNanos = -1;

	private long slowestStartedAt;

	void record(long startedAt, long latencyNanos) {
		if (this.size == this.nanos.length) {
			this.nanos = Arrays.copyOf(this.nanos, this.size * 2);
		}
		this.nanos[this.size++] = latencyNanos;
		if (latencyNanos > this.slowestNanos) {
			this.slowestNanos = latencyNanos;
			this.slowestStartedAt = startedAt;
		}
	}

	/** {@link System#nanoTime()} at the start of the slowest call of all recorders; 0 for none. */
	static long slowestStartedAt(Iterable<LatencyRecorder> recorders) {
		long slowest = -1;
		long startedAt = 0;
		for (LatencyRecorder recorder : recorders) {
			if (recorder.slowestNanos > slowest) {
				slowest = recorder.slowestNanos;
				startedAt = recorder.slowestStartedAt;
			}
		}
		return startedAt;
	}

	/** All latencies of all recorders, sorted ascending. */
	static long[] mergeSorted(Iterable<LatencyRecorder> recorders) {
		int total = 0;
		for (LatencyRecorder recorder : recorders) {
			total += recorder.size;
		}
		long[] all = new long[total];
		int at = 0;
		for (LatencyRecorder recorder : recorders) {
			System.arraycopy(recorder.nanos, 0, all, at, recorder.size);
			at += recorder.size;
		}
		Arrays.sort(all);
		return all;
	}

	/** How many of the sorted latencies exceed {@code nanos}. */
	static long countOver(long[] sorted, long nanos) {
		int firstAbove = sorted.length;
		while (firstAbove > 0 && sorted[firstAbove - 1] > nanos) {
			firstAbove--;
		}
		return sorted.length - firstAbove;
	}

	/** The {@code fraction} percentile (nearest rank) of sorted latencies; 0 for none. */
	static long percentile(long[] sorted, double fraction) {
		if (sorted.length == 0) {
			return 0;
		}
		int rank = (int) Math.ceil(fraction * sorted.length);
		return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
	}

}
