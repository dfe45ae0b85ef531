package io.github.oauthclient.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client shared between threads never exposes half an update: every snapshot pairs an access token with the
 * expiry and token map that came with it, while writers parse responses and readers add tokens concurrently.
 */
class BackendApplicationClientConcurrencyTest {

	@Test
	void snapshotsStayConsistentUnderConcurrentParsing() throws Exception {
		MutableClock clock = new MutableClock(Instant.ofEpochSecond(1_700_000_000L));
		BackendApplicationClient client = BackendApplicationClient.builder("cid").clock(clock).build();
		client.parseRequestBodyResponse("{\"access_token\":\"t1000\",\"expires_in\":1000}");
		int writers = 4;
		int readers = 4;
		ExecutorService pool = Executors.newFixedThreadPool(writers + readers);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> results = new ArrayList<>();
		try {
			for (int w = 0; w < writers; w++) {
				int offset = w;
				results.add(pool.submit(() -> {
					start.await();
					for (int i = 0; i < 2_000; i++) {
						int lifetime = 1_000 + (i * writers + offset) % 5_000;
						client.parseRequestBodyResponse("{\"access_token\":\"t" + lifetime + "\",\"expires_in\":"
								+ lifetime + ",\"refresh_token\":\"r" + lifetime + "\"}");
					}
					return 0;
				}));
			}
			for (int r = 0; r < readers; r++) {
				results.add(pool.submit(() -> {
					start.await();
					int checked = 0;
					for (int i = 0; i < 5_000; i++) {
						ClientState s = client.snapshot();
						long lifetime = Long.parseLong(s.accessToken().substring(1));
						assertThat(s.expiresAt()).isEqualTo(1_700_000_000L + lifetime);
						assertThat(s.token().accessToken()).isEqualTo(s.accessToken());
						if (s.refreshToken() != null) {
							assertThat(s.refreshToken()).isEqualTo("r" + lifetime);
						}
						String header = client.addToken("https://api/x").headers().get("Authorization");
						assertThat(header).startsWith("Bearer t");
						checked++;
					}
					return checked;
				}));
			}
			start.countDown();
			int checked = 0;
			for (Future<Integer> result : results) {
				checked += result.get(60, TimeUnit.SECONDS);
			}
			assertThat(checked).isEqualTo(readers * 5_000);
		}
		finally {
			pool.shutdownNow();
		}
	}

}
