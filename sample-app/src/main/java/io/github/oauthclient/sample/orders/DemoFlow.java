package io.github.oauthclient.sample.orders;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import io.github.oauthclient.sample.orders.InventoryClient.Call;

import org.springframework.stereotype.Component;

/**
 * The demo a person follows in the console: concurrent first calls sharing one token, renewal ahead of expiry
 * without a failed call, and a 401 after revocation healed by one retry. Every step calls the inventory API through
 * {@link InventoryClient} (so through the starter) and checks, from the servers' side ({@link Backstage}), that what
 * it claims really happened; {@link DemoReport} lists what did not.
 */
@Component
public class DemoFlow {

	static final int CONCURRENT_CALLERS = 8;

	/** Renewal is shown only for tokens this short-lived; real servers' tokens live minutes or hours. */
	static final Duration LONGEST_RENEWAL_WAIT = Duration.ofSeconds(40);

	/** Two calls a second: the renewal window of an 8 s token is under 2 s, and a call inside it starts the renewal. */
	private static final Duration CALL_INTERVAL = Duration.ofMillis(500);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss")
		.withZone(ZoneId.systemDefault());

	private final InventoryClient inventory;

	private final Backstage backstage;

	private final TokenFacts tokenFacts;

	private final Clock clock;

	public DemoFlow(InventoryClient inventory, Backstage backstage, TokenFacts tokenFacts) {
		this.inventory = inventory;
		this.backstage = backstage;
		this.tokenFacts = tokenFacts;
		this.clock = Clock.systemUTC();
	}

	/** The whole tour, as printed at start-up: first calls, renewal, healed 401, summary. */
	public DemoReport runTour(PrintWriter out) {
		OptionalInt requestsBefore = this.backstage.tokenRequests();
		DemoReport.Tally tally = new DemoReport.Tally();
		concurrentFirstCalls(out, tally);
		renewalAheadOfExpiry(out, tally);
		healedUnauthorized(out, "3. ", tally);
		return summarize(out, tally, requestsBefore);
	}

	/** The short round {@code GET /demo} runs: a few calls with the cached token, then a healed 401. */
	public DemoReport runOnDemand(PrintWriter out) {
		OptionalInt requestsBefore = this.backstage.tokenRequests();
		DemoReport.Tally tally = new DemoReport.Tally();
		out.printf("Calls with the token the client holds: %s%n", this.tokenFacts.describeCurrentToken());
		for (int i = 0; i < 3; i++) {
			Call call = this.inventory.fetchInventory();
			tally.count(call);
			printCall(out, call, "");
		}
		healedUnauthorized(out, "", tally);
		return summarize(out, tally, requestsBefore);
	}

	private void concurrentFirstCalls(PrintWriter out, DemoReport.Tally tally) {
		out.printf("%n1. First calls: %d threads call GET /api/inventory at the same moment%n", CONCURRENT_CALLERS);
		OptionalInt requestsBefore = this.backstage.tokenRequests();
		List<Call> calls = callConcurrently(CONCURRENT_CALLERS);
		calls.forEach(tally::count);
		long succeeded = calls.stream().filter(Call::succeeded).count();
		TreeSet<Integer> tokens = calls.stream()
			.filter(Call::succeeded)
			.map(Call::tokenNumber)
			.collect(Collectors.toCollection(TreeSet::new));
		out.printf("   %d of %d calls answered 200, carrying %s%n", succeeded, calls.size(), tokenNumbers(tokens));
		calls.stream()
			.filter((call) -> !call.succeeded())
			.map(Call::failure)
			.distinct()
			.forEach((failure) -> out.printf("   failed: %s%n", failure));
		if (succeeded != calls.size()) {
			tally.problem("step 1: " + (calls.size() - succeeded) + " of " + calls.size() + " first calls failed");
		}
		if (tokens.size() > 1) {
			tally.problem("step 1: concurrent first calls carried " + tokens.size() + " different tokens, expected 1");
		}
		int requests = requestsSince(requestsBefore);
		if (requests >= 0) {
			out.printf("   token requests the authorization server received: %d%s%n", requests,
					(requests == 1) ? "  (one token, shared by all threads)" : "");
			if (requests > 1) {
				tally.problem("step 1: " + requests + " token requests for " + calls.size()
						+ " concurrent first calls, expected 1");
			}
		}
		out.printf("   the token: %s%n", this.tokenFacts.describeCurrentToken());
	}

	private void renewalAheadOfExpiry(PrintWriter out, DemoReport.Tally tally) {
		Call previous = this.inventory.fetchInventory();
		tally.count(previous);
		if (!previous.succeeded()) {
			out.printf("%n2. Renewal: skipped, the call failed (%s)%n", previous.failure());
			tally.problem("step 2: the first call failed: " + previous.failure());
			return;
		}
		Duration remaining = Duration.between(now(), previous.tokenExpiresAt());
		if (remaining.compareTo(LONGEST_RENEWAL_WAIT) > 0) {
			out.printf("%n2. Renewal: not shown, this server's tokens live %d s; the client renews each one ahead of"
					+ " its expiry (oauth.client.renew-before-expiry), GET /demo after that shows the next token%n",
					remaining.toSeconds());
			return;
		}
		out.printf("%n2. Renewal ahead of expiry: two calls a second; the token expires in %d s and the client renews"
				+ " it in the background before then%n", Math.max(remaining.toSeconds(), 0));
		int failedBefore = tally.failedCalls();
		int unauthorizedBefore = this.backstage.unauthorizedAnswers();
		OptionalInt requestsBefore = this.backstage.tokenRequests();
		printCall(out, previous, "");
		int renewals = 0;
		int callsSinceRenewal = -1;
		Instant deadline = now().plus(remaining.multipliedBy(2)).plus(CALL_INTERVAL.multipliedBy(3));
		while (now().isBefore(deadline) && callsSinceRenewal < 1) {
			pause(CALL_INTERVAL);
			Call call = this.inventory.fetchInventory();
			tally.count(call);
			String note = "";
			if (call.succeeded() && call.tokenNumber() != previous.tokenNumber()) {
				Duration ahead = Duration.between(now(), previous.tokenExpiresAt());
				if (!ahead.isNegative()) {
					renewals++;
					tally.renewal();
					note = String.format(Locale.ROOT, "  <- renewed: token #%d was still valid for %.1f s", previous.tokenNumber(),
							ahead.toMillis() / 1000.0);
				}
				else {
					note = "  <- new token only after #" + previous.tokenNumber() + " had expired";
				}
				callsSinceRenewal = 0;
			}
			else if (callsSinceRenewal >= 0) {
				callsSinceRenewal++;
			}
			printCall(out, call, note);
			if (call.succeeded()) {
				previous = call;
			}
		}
		int failed = tally.failedCalls() - failedBefore;
		int unauthorized = this.backstage.unauthorizedAnswers() - unauthorizedBefore;
		int requests = requestsSince(requestsBefore);
		out.printf("   renewals ahead of expiry: %d, failed calls: %d, 401s the API answered: %d%s%n", renewals, failed,
				unauthorized, (requests >= 0) ? ", token requests: " + requests : "");
		if (renewals == 0) {
			tally.problem("step 2: no renewal ahead of expiry was seen");
		}
		if (failed > 0 || unauthorized > 0) {
			tally.problem("step 2: " + failed + " failed calls and " + unauthorized
					+ " 401 answers while the token was renewed, expected none");
		}
	}

	/**
	 * Revokes the client's token at the API and shows the next call succeed anyway. Tried twice: if the client
	 * happens to renew its token in the instant between the revocation and the call, there is nothing to heal.
	 */
	private void healedUnauthorized(PrintWriter out, String stepNumber, DemoReport.Tally tally) {
		out.printf("%n%sRevocation: the API rejects every token it has seen so far (as after a revocation or a key"
				+ " rotation), then the client calls again%n", stepNumber);
		String lastProblem = null;
		for (int attempt = 1; attempt <= 2; attempt++) {
			lastProblem = tryHealing(out, tally);
			if (lastProblem == null) {
				return;
			}
			out.printf("   (%s; once more)%n", lastProblem);
		}
		tally.problem("step 3: " + lastProblem);
	}

	private String tryHealing(PrintWriter out, DemoReport.Tally tally) {
		Call seen = this.inventory.fetchInventory();
		tally.count(seen);
		if (!seen.succeeded()) {
			return "a call before the revocation failed: " + seen.failure();
		}
		int revoked = this.backstage.revokeApiTokens();
		int unauthorizedBefore = this.backstage.unauthorizedAnswers();
		OptionalInt requestsBefore = this.backstage.tokenRequests();
		out.printf("   revoked %d token(s) at the API; the client still holds token #%d%n", revoked, seen.tokenNumber());
		Call call = this.inventory.fetchInventory();
		tally.count(call);
		printCall(out, call, "");
		int unauthorized = this.backstage.unauthorizedAnswers() - unauthorizedBefore;
		int requests = requestsSince(requestsBefore);
		if (!call.succeeded()) {
			return "the call after the revocation failed: " + call.failure();
		}
		if (unauthorized == 0) {
			return "the API answered no 401: the client had already renewed its token";
		}
		if (unauthorized > 1) {
			return "the API answered " + unauthorized + " 401s, expected one";
		}
		out.printf("   behind that one call: the API answered 401, the client dropped token #%d, fetched token #%d%s"
				+ " and retried once%n", seen.tokenNumber(), call.tokenNumber(),
				(requests >= 0) ? " (" + requests + " token request)" : "");
		tally.healed401();
		if (requests > 1) {
			return "healing the 401 took " + requests + " token requests, expected one";
		}
		return null;
	}

	private DemoReport summarize(PrintWriter out, DemoReport.Tally tally, OptionalInt requestsBefore) {
		DemoReport report = tally.toReport(requestsSince(requestsBefore));
		out.printf("%nSummary: %d authenticated calls, %d failed; %s%d renewal(s) ahead of expiry; %d 401(s) healed by"
				+ " one retry%n", report.succeededCalls() + report.failedCalls(), report.failedCalls(),
				(report.tokenRequests() >= 0) ? report.tokenRequests() + " token request(s); " : "",
				report.renewals(), report.healed401s());
		if (report.passed()) {
			out.println("Everything happened as described.");
		}
		else {
			out.println("NOT as described:");
			report.problems().forEach((problem) -> out.printf("  - %s%n", problem));
		}
		out.flush();
		return report;
	}

	private List<Call> callConcurrently(int callers) {
		ExecutorService executor = Executors.newFixedThreadPool(callers);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Call>> futures = new ArrayList<>();
			for (int i = 0; i < callers; i++) {
				futures.add(executor.submit(() -> {
					start.await();
					return this.inventory.fetchInventory();
				}));
			}
			start.countDown();
			List<Call> calls = new ArrayList<>();
			for (Future<Call> future : futures) {
				calls.add(future.get());
			}
			return calls;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while calling the API", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("A concurrent call failed unexpectedly", ex.getCause());
		}
		finally {
			executor.shutdownNow();
		}
	}

	private void printCall(PrintWriter out, Call call, String note) {
		if (call.succeeded()) {
			out.printf("   %s  GET /api/inventory -> 200, %d items, token #%d (expires %s)%s%n", TIME.format(now()),
					call.items(), call.tokenNumber(), TIME.format(call.tokenExpiresAt()), note);
		}
		else {
			out.printf("   %s  GET /api/inventory -> failed: %s%n", TIME.format(now()), call.failure());
		}
		out.flush();
	}

	private int requestsSince(OptionalInt before) {
		OptionalInt after = this.backstage.tokenRequests();
		return (before.isPresent() && after.isPresent()) ? after.getAsInt() - before.getAsInt() : -1;
	}

	private static String tokenNumbers(TreeSet<Integer> tokens) {
		if (tokens.isEmpty()) {
			return "no token";
		}
		return (tokens.size() == 1) ? "token #" + tokens.first() + " (all the same)"
				: tokens.stream().map((n) -> "#" + n).collect(Collectors.joining(", ", "tokens ", ""));
	}

	private Instant now() {
		return this.clock.instant();
	}

	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

}
