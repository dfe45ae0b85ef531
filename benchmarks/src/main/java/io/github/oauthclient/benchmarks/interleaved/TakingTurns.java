package io.github.oauthclient.benchmarks.interleaved;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Measures several contenders by letting them take turns: round after round, each runs one slice of calls, so
 * load that comes and goes on a shared machine hits them alike. JMH runs benchmarks one after the other in
 * separate forks, where a change of load between forks skews their ratio; here the ratio is taken within each
 * round. Reports, per contender, the fastest slice (closest to a quiet machine) and the median slice, and the
 * median of the per-round ratios to a baseline.
 */
final class TakingTurns {

	/** One slice of calls of one contender. */
	@FunctionalInterface
	interface Slice {

		/** Runs the slice; answers its elapsed nanoseconds. */
		long run() throws Exception;

	}

	private final Map<String, Slice> slices = new LinkedHashMap<>();

	private final Map<String, Integer> callsPerSlice = new LinkedHashMap<>();

	/** Adds a contender: {@code slice} makes {@code calls} calls. */
	TakingTurns add(String name, int calls, Slice slice) {
		this.slices.put(name, slice);
		this.callsPerSlice.put(name, calls);
		return this;
	}

	/**
	 * Runs {@code warmUpRounds} unrecorded rounds, then {@code rounds} recorded ones, and prints the table; the
	 * ratio line compares {@code contender} with {@code baseline} round by round.
	 */
	void run(int warmUpRounds, int rounds, String unit, String contender, String baseline) throws Exception {
		Map<String, double[]> perCall = new LinkedHashMap<>();
		this.slices.keySet().forEach((name) -> perCall.put(name, new double[rounds]));
		double[] ratios = new double[rounds];
		for (int round = -warmUpRounds; round < rounds; round++) {
			for (Map.Entry<String, Slice> slice : this.slices.entrySet()) {
				double value = slice.getValue().run() / (double) this.callsPerSlice.get(slice.getKey());
				if (round >= 0) {
					perCall.get(slice.getKey())[round] = value;
				}
			}
			if (round >= 0) {
				ratios[round] = perCall.get(contender)[round] / perCall.get(baseline)[round];
			}
		}
		System.out.printf("%-26s %12s %12s%n", unit, "fastest", "median");
		for (Map.Entry<String, double[]> entry : perCall.entrySet()) {
			double[] series = entry.getValue();
			Arrays.sort(series);
			System.out.printf("%-26s %12.1f %12.1f%n", entry.getKey(), series[0], series[rounds / 2]);
		}
		Arrays.sort(ratios);
		System.out.printf("%s / %s time per call, per round: median %.3f (quartiles %.3f - %.3f)%n", contender,
				baseline, ratios[rounds / 2], ratios[rounds / 4], ratios[3 * rounds / 4]);
	}

}
