package io.github.oauthclient.sample.inventory;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts the 401 answers the API gives, so the demo can prove from the server's side that renewal ahead of expiry
 * caused no failed call and that a revoked token caused exactly one 401, which the client healed. Sits in front of
 * Spring Security, which writes those 401s.
 */
public class RejectionCounter extends OncePerRequestFilter {

	private final AtomicInteger unauthorized = new AtomicInteger();

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		finally {
			if (response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
				this.unauthorized.incrementAndGet();
			}
		}
	}

	/** How many requests were answered 401 since start-up. */
	public int unauthorized() {
		return this.unauthorized.get();
	}

}
