package io.github.oauthclient.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The hot-path counter: exact on one thread, never over-counting and nearly exact on many. */
class HitCounterTest {

	@Test
	void countsExactlyOnOneThread() {
		HitCounter counter = new HitCounter();
		for (int i = 0; i < 100_000; i++) {
			counter.increment();
		}
		assertThat(counter.sum()).isEqualTo(100_000);
	}

	@Test
	void neverCountsMoreThanHappenedOnManyThreads() throws InterruptedException {
		HitCounter counter = new HitCounter();
		List<Thread> threads = new ArrayList<>();
		for (int t = 0; t < 8; t++) {
			Thread thread = new Thread(() -> {
				for (int i = 0; i < 50_000; i++) {
					counter.increment();
				}
			});
			thread.start();
			threads.add(thread);
		}
		for (Thread thread : threads) {
			thread.join();
		}
		assertThat(counter.sum()).isPositive().isLessThanOrEqualTo(400_000);
	}
}
