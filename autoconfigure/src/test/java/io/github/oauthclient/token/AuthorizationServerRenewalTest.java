package io.github.oauthclient.token;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.github.oauthclient.core.BackendApplicationClient;
import io.github.oauthclient.testsupport.AuthorizationServerFixture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Background renewal against a real Spring Authorization Server issuing 4-second tokens: callers see new tokens
 * without ever making the request themselves.
 *
 * <p>The server truncates {@code expires_in} to whole seconds (a 4 s lifetime arrives as {@code 3}); renewing at half
 * of that leaves well over a second for the background request, so a loaded CI machine cannot push a caller into a
 * foreground fetch.
 */
class AuthorizationServerRenewalTest {

	private static AuthorizationServerFixture server;

	@BeforeAll
	static void startServer() {
		server = AuthorizationServerFixture.builder().accessTokenTimeToLive(Duration.ofSeconds(4)).start();
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@Test
	void twoSecondTokensAreRenewedInTheBackground() throws Exception {
		TokenEndpointClient client = new TokenEndpointClient(
				BackendApplicationClient.builder(AuthorizationServerFixture.BASIC_CLIENT_ID).insecureTransport(true)
						.build(),
				TokenEndpointSettings.builder().tokenUri(server.tokenUri())
						.clientId(AuthorizationServerFixture.BASIC_CLIENT_ID)
						.clientSecret(AuthorizationServerFixture.TRICKY_SECRET).build());
		AtomicInteger foreground = new AtomicInteger();
		AtomicInteger background = new AtomicInteger();
		TokenProvider observed = () -> {
			boolean renewal = Thread.currentThread().getName().startsWith("oauth-token-renewal-");
			(renewal ? background : foreground).incrementAndGet();
			return client.token();
		};
		CachingTokenProvider cache = CachingTokenProvider.builder(observed)
				.renewalPolicy(RenewalPolicy.defaults().withRenewalFraction(0.5)).build();

		Set<String> seen = ConcurrentHashMap.newKeySet();
		long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(7000);
		while (System.nanoTime() - end < 0) {
			seen.add(cache.token().accessToken());
			Thread.sleep(5);
		}

		System.out.println("[measured] Spring Authorization Server, 4 s tokens for 7 s: " + seen.size()
				+ " distinct tokens, " + foreground.get() + " request(s) on the caller, " + background.get()
				+ " background renewals");
		assertThat(foreground.get()).isEqualTo(1);
		assertThat(background.get()).isGreaterThanOrEqualTo(2);
		assertThat(seen).hasSize(1 + background.get());
	}
}
