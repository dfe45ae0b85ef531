package io.github.oauthclient.sample.authserver;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts the requests that reach the token endpoint and the tokens it issued, so the demo can show, from the
 * server's side, that eight concurrent first calls cost one token request and that a renewal or a healed 401 cost
 * exactly one more. Sits in front of Spring Security (see {@link TokenRequestCounterConfiguration}) so it also sees rejected
 * requests.
 */
public class TokenRequestCounter extends OncePerRequestFilter {

	private final AtomicInteger received = new AtomicInteger();

	private final AtomicInteger issued = new AtomicInteger();

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		this.received.incrementAndGet();
		try {
			chain.doFilter(request, response);
		}
		finally {
			if (response.getStatus() == HttpStatus.OK.value()) {
				this.issued.incrementAndGet();
			}
		}
	}

	/** A snapshot of the counts. */
	public TokenEndpointStats snapshot() {
		return new TokenEndpointStats(this.received.get(), this.issued.get());
	}

	/**
	 * What the token endpoint has seen since start-up.
	 *
	 * @param received token requests received, whatever their outcome
	 * @param issued token requests answered with a token (HTTP 200)
	 */
	public record TokenEndpointStats(int received, int issued) {
	}

}
