package io.github.oauthclient.token;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;

/** An executor that runs nothing until the test says so, so that background renewals happen at known moments. */
final class ManualExecutor implements Executor {

	private final Deque<Runnable> tasks = new ArrayDeque<>();

	private int submitted;

	@Override
	public synchronized void execute(Runnable task) {
		tasks.add(task);
		submitted++;
	}

	/** How many tasks were ever submitted. */
	synchronized int submitted() {
		return submitted;
	}

	/** How many tasks wait to run. */
	synchronized int pending() {
		return tasks.size();
	}

	/** Runs the waiting tasks on the calling thread. */
	void runAll() {
		for (;;) {
			Runnable next;
			synchronized (this) {
				next = tasks.poll();
			}
			if (next == null) {
				return;
			}
			next.run();
		}
	}
}
