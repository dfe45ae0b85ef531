package io.github.oauthclient.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.oauthclient.core.BackendApplicationClient;
import io.github.oauthclient.core.OAuth2Token;
import io.github.oauthclient.testsupport.FaultInjectingTokenEndpoint;
import io.github.oauthclient.testsupport.Reply;

/**
 * A token endpoint that misbehaves at the transport level, over real loopback HTTP: a 100 MB response is not read
 * whole, and an endpoint that hangs, trickles, resets connections or answers slowly does not tie up threads: the
 * read timeout holds, one request is in flight however many callers wait, and every waiting caller is released
 * with a clear {@link TokenAcquisitionException}.
 */
class TokenEndpointHardeningTests {

	private static final int CALLERS = 64;

	private static final String SECRET = "hardening-secret";

	private final List<AutoCloseable> closeables = new ArrayList<>();

	@AfterEach
	void close() throws Exception {
		for (AutoCloseable closeable : closeables) {
			closeable.close();
		}
	}

	@Test
	void aHundredMegabyteResponseIsNotReadWhole() throws Exception {
		long hundredMegabytes = 100L * 1024 * 1024;
		AtomicLong written = new AtomicLong();
		CountDownLatch serverDone = new CountDownLatch(1);
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
		server.createContext("/token", (exchange) -> {
			exchange.getRequestBody().readAllBytes();
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, 0); // chunked: no length announced, the client must count
			byte[] chunk = new byte[64 * 1024];
			Arrays.fill(chunk, (byte) 'a');
			byte[] start = "{\"access_token\":\"".getBytes(StandardCharsets.US_ASCII);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(start);
				while (written.get() < hundredMegabytes) {
					out.write(chunk);
					written.addAndGet(chunk.length);
				}
				out.write("\"}".getBytes(StandardCharsets.US_ASCII));
			}
			catch (IOException ex) {
				// the client hung up: what this test wants
			}
			finally {
				serverDone.countDown();
			}
		});
		server.start();
		closeables.add(() -> server.stop(0));
		TokenEndpointClient client = endpointClient("http://127.0.0.1:" + server.getAddress().getPort() + "/token",
				Duration.ofSeconds(10));
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		long allocatedBefore = threads.getCurrentThreadAllocatedBytes();

		assertThatThrownBy(() -> assertTimeoutPreemptively(Duration.ofSeconds(60), client::token))
			.isInstanceOf(TokenAcquisitionException.class)
			.hasMessageContaining("the response is larger than " + TokenEndpointSettings.DEFAULT_MAX_RESPONSE_BYTES
					+ " bytes")
			.hasMessageNotContaining("aaaa");
		long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
		assertThat(serverDone.await(30, TimeUnit.SECONDS)).as("the server noticed the client hung up").isTrue();
		System.out.println("[measured] 100 MB response: server wrote " + written.get() + " bytes before the client"
				+ " hung up; the calling thread allocated " + allocated + " bytes");
		assertThat(written.get()).as("bytes the server could write before the client hung up")
			.isLessThan(hundredMegabytes / 4);
		assertThat(allocated).as("bytes allocated by the calling thread").isLessThan(32L * 1024 * 1024);
	}

	@Test
	void aHangingEndpointReleasesEveryWaitingCallerAfterTheReadTimeout() throws Exception {
		FaultInjectingTokenEndpoint endpoint = endpoint();
		endpoint.setDefault(Reply.token("never-delivered", 3600).withDelay(Duration.ofSeconds(30)));
		TokenProvider tokens = cached(endpointClient(endpoint.tokenUri(), Duration.ofMillis(500)));

		List<Throwable> failures = callConcurrently(tokens);

		assertThat(failures).hasSize(CALLERS).allSatisfy((failure) -> assertThat(failure)
			.isInstanceOf(TokenAcquisitionException.class)
			.hasMessageContaining("Could not obtain an access token for registration 'hardening'")
			.hasMessageContaining("timed out")
			.hasMessageContaining("read-timeout")
			.hasMessageNotContaining(SECRET));
		assertThat(endpoint.requestCount()).as("one request for all waiting callers").isEqualTo(1);
	}

	@Test
	void aTricklingBodyIsCutOffByTheReadTimeout() throws Exception {
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
		server.createContext("/token", (exchange) -> {
			exchange.getRequestBody().readAllBytes();
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, 0);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write("{\"access_token\":\"".getBytes(StandardCharsets.US_ASCII));
				for (int i = 0; i < 600; i++) {
					out.write('a');
					out.flush();
					Thread.sleep(100);
				}
			}
			catch (IOException | InterruptedException ex) {
				// the client hung up
			}
		});
		server.setExecutor(Executors.newCachedThreadPool());
		server.start();
		closeables.add(() -> server.stop(0));
		TokenProvider tokens = cached(endpointClient(
				"http://127.0.0.1:" + server.getAddress().getPort() + "/token", Duration.ofMillis(500)));

		List<Throwable> failures = callConcurrently(tokens);

		assertThat(failures).hasSize(CALLERS).allSatisfy((failure) -> assertThat(failure)
			.isInstanceOf(TokenAcquisitionException.class)
			.hasMessageContaining("registration 'hardening'"));
	}

	@Test
	void resetConnectionsReleaseEveryCallerWithAnIoError() throws Exception {
		FaultInjectingTokenEndpoint endpoint = endpoint();
		endpoint.setDefault(Reply.droppedConnection());
		TokenProvider tokens = cached(endpointClient(endpoint.tokenUri(), Duration.ofSeconds(2)));

		List<Throwable> failures = callConcurrently(tokens);

		assertThat(failures).hasSize(CALLERS).allSatisfy((failure) -> assertThat(failure)
			.isInstanceOf(TokenAcquisitionException.class)
			.hasMessageContaining("I/O error")
			.satisfies((ex) -> assertThat(TokenRequestOutcome.of(ex)).isEqualTo(TokenRequestOutcome.IO_ERROR)));
		assertThat(endpoint.requestCount()).isEqualTo(1);
	}

	@Test
	void aSlowEndpointWithinTheTimeoutServesEveryCallerWithOneRequest() throws Exception {
		FaultInjectingTokenEndpoint endpoint = endpoint();
		endpoint.setDefault(Reply.token("slow-token", 3600).withDelay(Duration.ofMillis(300)));
		TokenProvider tokens = cached(endpointClient(endpoint.tokenUri(), Duration.ofSeconds(5)));

		List<Throwable> failures = callConcurrently(tokens);

		assertThat(failures).isEmpty();
		assertThat(tokens.token().accessToken()).isEqualTo("slow-token");
		assertThat(endpoint.requestCount()).isEqualTo(1);
	}

	/** {@value #CALLERS} threads call {@code tokens.token()} at once; returns their failures. */
	private static List<Throwable> callConcurrently(TokenProvider tokens) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<OAuth2Token>> calls = new ArrayList<>();
			for (int i = 0; i < CALLERS; i++) {
				calls.add(pool.submit(() -> {
					start.await();
					return tokens.token();
				}));
			}
			start.countDown();
			List<Throwable> failures = new ArrayList<>();
			for (Future<OAuth2Token> call : calls) {
				try {
					// a hang guard, not a performance assertion: the read timeout is at most 5 s
					call.get(60, TimeUnit.SECONDS);
				}
				catch (java.util.concurrent.ExecutionException ex) {
					failures.add(ex.getCause());
				}
			}
			return failures;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private FaultInjectingTokenEndpoint endpoint() {
		FaultInjectingTokenEndpoint endpoint = FaultInjectingTokenEndpoint.start();
		closeables.add(endpoint);
		return endpoint;
	}

	private static TokenProvider cached(TokenEndpointClient client) {
		return CachingTokenProvider.builder(new RetryingTokenProvider(client, RetryPolicy.of(1, Duration.ofMillis(10))))
			.registrationId("hardening")
			.renewalPolicy(RenewalPolicy.defaults().withFailureCoolDown(Duration.ofSeconds(30)))
			.build();
	}

	private static TokenEndpointClient endpointClient(String tokenUri, Duration readTimeout) {
		TokenEndpointSettings settings = TokenEndpointSettings.builder()
			.registrationId("hardening")
			.tokenUri(tokenUri)
			.clientId("client")
			.clientSecret(SECRET)
			.insecureTransport(true)
			.readTimeout(readTimeout)
			.connectTimeout(Duration.ofSeconds(2))
			.build();
		return new TokenEndpointClient(BackendApplicationClient.builder("client").insecureTransport(true).build(),
				settings);
	}
}
