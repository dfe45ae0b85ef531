package io.github.oauthclient.reactive;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A servlet filter for the Spring Authorization Server of the tests (added with
 * {@code AuthorizationServerFixture.builder().configuration(TokenEndpointGate.class)}): counts token requests and
 * can hold them until a number of client requests has arrived, so that those requests really meet a cold cache
 * while the one token request is in flight.
 *
 * <p>State is static because the fixture's server is built from classes; tests using it reset it with
 * {@link #reset()} and do not run in parallel.
 */
@Configuration(proxyBeanMethods = false)
public class TokenEndpointGate {

	private static final AtomicInteger tokenRequests = new AtomicInteger();

	private static volatile CountDownLatch arrivals;

	/** Forgets the count and opens the gate. */
	static void reset() {
		tokenRequests.set(0);
		arrivals = null;
	}

	/** Holds token requests until {@link #arrived()} was called {@code count} times (at most 20 s). */
	static void holdUntilArrivals(int count) {
		arrivals = new CountDownLatch(count);
	}

	/** One client request arrived. */
	static void arrived() {
		CountDownLatch latch = arrivals;
		if (latch != null) {
			latch.countDown();
		}
	}

	/** The number of token requests since the last {@link #reset()}. */
	static int tokenRequests() {
		return tokenRequests.get();
	}

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> tokenEndpointGateFilter() {
		OncePerRequestFilter filter = new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
					FilterChain chain) throws ServletException, IOException {
				if (request.getRequestURI().equals("/oauth2/token")) {
					tokenRequests.incrementAndGet();
					CountDownLatch latch = arrivals;
					if (latch != null) {
						try {
							latch.await(20, TimeUnit.SECONDS);
						}
						catch (InterruptedException ex) {
							Thread.currentThread().interrupt();
						}
					}
				}
				chain.doFilter(request, response);
			}
		};
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

}
