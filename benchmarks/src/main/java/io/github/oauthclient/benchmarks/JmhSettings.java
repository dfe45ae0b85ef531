package io.github.oauthclient.benchmarks;

import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The JMH iteration settings of a suite run: the full run the results table is made from, or a smoke run that
 * only proves every benchmark starts, authenticates and reports numbers.
 * @param warmupIterations warm-up iterations per fork
 * @param measurementIterations measured iterations per fork
 * @param iterationTime length of each iteration
 * @param forks JVM forks per benchmark
 */
record JmhSettings(int warmupIterations, int measurementIterations, TimeValue iterationTime, int forks) {

	/** The full run: 3 x 1 s warm-up, 5 x 1 s measurement, 1 fork. */
	static final JmhSettings FULL = new JmhSettings(3, 5, TimeValue.seconds(1), 1);

	/** The smoke run: 1 x 1 s warm-up, 1 x 1 s measurement, 1 fork ({@code -f 1 -wi 1 -i 1 -w 1s -r 1s}). */
	static final JmhSettings SMOKE = new JmhSettings(1, 1, TimeValue.seconds(1), 1);

	ChainedOptionsBuilder applyTo(ChainedOptionsBuilder options) {
		return options.warmupIterations(this.warmupIterations)
			.warmupTime(this.iterationTime)
			.measurementIterations(this.measurementIterations)
			.measurementTime(this.iterationTime)
			.forks(this.forks);
	}

	@Override
	public String toString() {
		return String.format("-f %d -wi %d -i %d -w %s -r %s", this.forks, this.warmupIterations,
				this.measurementIterations, this.iterationTime, this.iterationTime);
	}

}
