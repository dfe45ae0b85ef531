package io.github.oauthclient.sample.orders;

import java.util.ArrayList;
import java.util.List;

/**
 * What a run of the demo flow showed: how many authenticated calls succeeded and failed, how many renewals ahead of
 * expiry and healed 401s were seen, how many token requests the authorization server received (-1 when it is not
 * the embedded one), and every expectation that was not met. The test asserts on it; the console prints it.
 *
 * @param succeededCalls authenticated calls answered 200
 * @param failedCalls authenticated calls that failed
 * @param renewals token changes seen while the previous token was still valid
 * @param healed401s calls whose 401 (revoked token) was healed by one retry with a fresh token
 * @param tokenRequests token requests the embedded authorization server received during the run, -1 when not known
 * @param problems the expectations that were not met, empty when the flow went as described
 */
public record DemoReport(int succeededCalls, int failedCalls, int renewals, int healed401s, int tokenRequests,
		List<String> problems) {

	public DemoReport {
		problems = List.copyOf(problems);
	}

	/** Whether everything the flow set out to show happened. */
	public boolean passed() {
		return this.problems.isEmpty();
	}

	/** Collects a report while the flow runs. */
	static final class Tally {

		private int succeededCalls;

		private int failedCalls;

		private int renewals;

		private int healed401s;

		private final List<String> problems = new ArrayList<>();

		void count(InventoryClient.Call call) {
			if (call.succeeded()) {
				this.succeededCalls++;
			}
			else {
				this.failedCalls++;
			}
		}

		void renewal() {
			this.renewals++;
		}

		void healed401() {
			this.healed401s++;
		}

		void problem(String problem) {
			this.problems.add(problem);
		}

		int failedCalls() {
			return this.failedCalls;
		}

		int succeededCalls() {
			return this.succeededCalls;
		}

		DemoReport toReport(int tokenRequests) {
			return new DemoReport(this.succeededCalls, this.failedCalls, this.renewals, this.healed401s, tokenRequests,
					this.problems);
		}

	}

}
