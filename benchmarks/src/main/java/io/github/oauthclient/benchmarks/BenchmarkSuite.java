package io.github.oauthclient.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.github.oauthclient.benchmarks.contenders.ContenderType;
import io.github.oauthclient.benchmarks.endtoend.EndToEndBenchmark;
import io.github.oauthclient.benchmarks.hotpath.HotPathBenchmark;
import io.github.oauthclient.benchmarks.hotpath.HotPathPartsBenchmark;
import io.github.oauthclient.benchmarks.renewal.RenewalUnderLoad;
import io.github.oauthclient.benchmarks.stampede.ColdStartStampede;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs all four benchmarks of issue 6 in one go and prints the results table with the ratios and, for each
 * target, whether it was met. JMH prints its own raw lines as it goes; the table comes last.
 *
 * <p>Usage: {@code java -Xms2g -Xmx2g -XX:+AlwaysPreTouch -cp benchmarks/target/benchmarks.jar io.github.oauthclient.benchmarks.BenchmarkSuite
 * [--smoke] [hotpath] [stampede] [renewal] [endtoend] [hotpath-parts]}: no names runs the four of the issue
 * ({@code hotpath-parts}, diagnostics, runs only when named); {@code --smoke} uses
 * {@code -f 1 -wi 1 -i 1 -w 1s -r 1s} for the JMH parts (the counts run as in the full suite).
 */
public final class BenchmarkSuite {

	private static final List<String> PARTS = List.of("hotpath", "stampede", "renewal", "endtoend");

	/** Diagnostics, run only when named. */
	private static final String HOT_PATH_PARTS = "hotpath-parts";

	private static final String ALLOCATION = "gc.alloc.rate.norm";

	private final JmhSettings settings;

	private final List<String> table = new ArrayList<>();

	private BenchmarkSuite(JmhSettings settings) {
		this.settings = settings;
	}

	public static void main(String[] args) throws Exception {
		List<String> arguments = new ArrayList<>(Arrays.asList(args));
		boolean smoke = arguments.remove("--smoke");
		List<String> parts = arguments.isEmpty() ? PARTS : arguments;
		for (String part : parts) {
			if (!PARTS.contains(part) && !HOT_PATH_PARTS.equals(part)) {
				throw new IllegalArgumentException("Unknown part '" + part + "': choose from " + PARTS + " and "
						+ HOT_PATH_PARTS);
			}
		}
		BenchmarkSuite suite = new BenchmarkSuite(smoke ? JmhSettings.SMOKE : JmhSettings.FULL);
		suite.header(smoke);
		if (parts.contains("hotpath")) {
			suite.hotPath(1);
			suite.hotPath(2);
		}
		if (parts.contains(HOT_PATH_PARTS)) {
			suite.hotPathParts();
		}
		if (parts.contains("stampede")) {
			suite.stampede();
		}
		if (parts.contains("renewal")) {
			suite.renewal();
		}
		if (parts.contains("endtoend")) {
			suite.endToEnd();
		}
		suite.print();
	}

	private void header(boolean smoke) {
		this.table.add("# oauth-client benchmarks" + (smoke ? " (SMOKE RUN: numbers prove the setup, not the claim)" : ""));
		this.table.add("");
		this.table.add("- date: " + OffsetDateTime.now());
		this.table.add("- JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version")
				+ " (" + System.getProperty("java.vendor") + ")");
		this.table.add("- machine: " + cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " cores, "
				+ System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
				+ System.getProperty("os.arch"));
		this.table.add("- JMH 1.37: " + this.settings + ", fork JVM -Xms1g -Xmx1g");
	}

	private void hotPath(int threads) throws RunnerException {
		ChainedOptionsBuilder options = new OptionsBuilder().include(HotPathBenchmark.class.getName() + "\\.")
			.threads(threads)
			.addProfiler(GCProfiler.class);
		Map<String, RunResult> results = byMethod(new Runner(this.settings.applyTo(options).build()).run());
		RunResult floor = results.get("floor");
		RunResult ours = results.get("ours");
		RunResult springSecurity = results.get("springSecurity");
		section("1. Hot path, " + threads + " thread" + (threads > 1 ? "s" : "")
				+ " (intercept with a cached token, no-op execution)");
		this.table.add("| contender | ns/op | B/op | ns vs floor | B vs floor |");
		this.table.add("| --- | ---: | ---: | ---: | ---: |");
		for (Map.Entry<String, RunResult> entry : results.entrySet()) {
			RunResult result = entry.getValue();
			this.table.add(String.format("| %s | %s | %.1f | %.2fx | %+.1f |", entry.getKey(), score(result),
					allocation(result), primary(result) / primary(floor), allocation(result) - allocation(floor)));
		}
		double timeRatio = primary(ours) / primary(floor);
		double extraBytes = allocation(ours) - allocation(floor);
		this.table.add("");
		this.table.add(String.format("- target ours <= 1.2x floor ns/op: %.2fx -> %s", timeRatio,
				verdict(timeRatio <= 1.2)));
		this.table.add(String.format("- target ours B/op <= floor B/op: %+.1f B -> %s", extraBytes,
				verdict(extraBytes <= 1.0)));
		this.table.add(String.format("- Spring Security / ours: %.2fx ns/op, %.2fx B/op", primary(springSecurity)
				/ primary(ours), allocation(springSecurity) / Math.max(1.0, allocation(ours))));
	}

	private void hotPathParts() throws RunnerException {
		ChainedOptionsBuilder options = new OptionsBuilder().include(HotPathPartsBenchmark.class.getName() + "\\.")
			.addProfiler(GCProfiler.class);
		Map<String, RunResult> results = byMethod(new Runner(this.settings.applyTo(options).build()).run());
		section("Diagnostics: the pieces of our hot path, 1 thread");
		this.table.add("| piece | ns/op | B/op |");
		this.table.add("| --- | ---: | ---: |");
		for (Map.Entry<String, RunResult> entry : results.entrySet()) {
			this.table.add(String.format("| %s | %s | %.1f |", entry.getKey(), score(entry.getValue()),
					allocation(entry.getValue())));
		}
	}

	private void stampede() throws InterruptedException {
		section("2. Cold-start stampede (threads released together, empty cache, token endpoint answers after "
				+ ColdStartStampede.ENDPOINT_DELAY.toMillis() + " ms)");
		this.table.add("| threads | contender | token requests | max in flight | calls without token | slowest call |");
		this.table.add("| ---: | --- | ---: | ---: | ---: | ---: |");
		List<String> verdicts = new ArrayList<>();
		for (int threads : List.of(50, 200)) {
			for (ContenderType type : List.of(ContenderType.OURS, ContenderType.SPRING_SECURITY)) {
				ColdStartStampede.Result result = ColdStartStampede.run(type, threads);
				System.out.println(result);
				this.table.add(String.format("| %d | %s | %d | %d | %d | %d ms |", threads, result.contender(),
						result.tokenRequests(), result.maxInFlight(), result.callsWithoutToken(),
						result.slowestCall().toMillis()));
				if (type == ContenderType.OURS) {
					verdicts.add(String.format("- target ours exactly 1 token request at %d threads: %d -> %s", threads,
							result.tokenRequests(),
							verdict(result.tokenRequests() == 1 && result.callsWithoutToken() == 0)));
				}
			}
		}
		this.table.add("");
		this.table.addAll(verdicts);
	}

	private void renewal() throws IOException, InterruptedException {
		Duration window = Duration.ofSeconds(10);
		section("3. Renewal under load (" + RenewalUnderLoad.TOKEN_LIFETIME_SECONDS + " s tokens, "
				+ RenewalUnderLoad.THREADS + " threads for " + window.toSeconds() + " s, token endpoint answers after "
				+ RenewalUnderLoad.ENDPOINT_DELAY.toMillis() + " ms)");
		this.table.add("| contender | calls | token requests | shortest gap | p50 | p99 | p99.9 | slowest |"
				+ " slowest began after a token request by | calls > 1 ms | GC pauses | calls without token |");
		this.table.add("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
		Map<ContenderType, RenewalUnderLoad.Result> results = new TreeMap<>();
		for (ContenderType type : ContenderType.values()) {
			RenewalUnderLoad.Result result = RenewalUnderLoad.run(type, window);
			System.out.println(result);
			results.put(type, result);
			this.table.add(String.format("| %s | %d | %d | %s | %s | %s | %s | %s | %s | %d | %d (%d ms) | %s |",
					result.contender(),
					result.calls(), result.tokenRequests(),
					(result.shortestGap() != null) ? result.shortestGap().toMillis() + " ms" : "-",
					micros(result.p50()), micros(result.p99()), micros(result.p999()), micros(result.slowest()),
					(result.slowestAfterTokenRequest() != null) ? micros(result.slowestAfterTokenRequest()) : "-",
					result.callsOver1ms(), result.gcPauses(), result.gcMillis(),
					(type == ContenderType.UNAUTHENTICATED) ? "(all)" : String.valueOf(result.callsWithoutToken())));
		}
		RenewalUnderLoad.Result ours = results.get(ContenderType.OURS);
		Duration limit = results.get(ContenderType.UNAUTHENTICATED).p99().plusMillis(1);
		long lifetimes = window.toSeconds() / RenewalUnderLoad.TOKEN_LIFETIME_SECONDS;
		boolean oncePerWindow = ours.tokenRequests() >= lifetimes && ours.shortestGap() != null
				&& ours.shortestGap().compareTo(Duration.ofMillis(500)) >= 0;
		this.table.add("");
		this.table.add(String.format("- target ours one token request per renewal window (at least %d in %d s, never"
				+ " two within 500 ms, no call without a token): %d requests, shortest gap %s -> %s", lifetimes,
				window.toSeconds(), ours.tokenRequests(),
				(ours.shortestGap() != null) ? ours.shortestGap().toMillis() + " ms" : "-",
				verdict(oncePerWindow && ours.callsWithoutToken() == 0)));
		this.table.add(String.format("- target ours slowest call <= unauthenticated p99 + 1 ms (%s): %s -> %s",
				micros(limit), micros(ours.slowest()), verdict(ours.slowest().compareTo(limit) <= 0)));
		this.table.add(String.format("- no call of ours waited for the token endpoint (every call < its %d ms): %s",
				RenewalUnderLoad.ENDPOINT_DELAY.toMillis(),
				verdict(ours.slowest().compareTo(RenewalUnderLoad.ENDPOINT_DELAY) < 0)));
	}

	private void endToEnd() throws RunnerException {
		ChainedOptionsBuilder options = new OptionsBuilder().include(EndToEndBenchmark.class.getName() + "\\.");
		Collection<RunResult> all = new Runner(this.settings.applyTo(options).build()).run();
		Map<String, List<RunResult>> byClient = new TreeMap<>();
		for (RunResult result : all) {
			byClient.computeIfAbsent(result.getParams().getParam("httpClient"), (client) -> new ArrayList<>())
				.add(result);
		}
		section("4. End to end (Boot-built RestClient, GET to a loopback JSON API, 1 thread)");
		this.table.add("| HTTP client | contender | ops/s | vs unauthenticated |");
		this.table.add("| --- | --- | ---: | ---: |");
		List<String> verdicts = new ArrayList<>();
		for (Map.Entry<String, List<RunResult>> client : byClient.entrySet()) {
			Map<String, RunResult> results = byMethod(client.getValue());
			RunResult unauthenticated = results.get("unauthenticated");
			for (Map.Entry<String, RunResult> entry : results.entrySet()) {
				this.table.add(String.format("| %s | %s | %s | %.3f |", client.getKey(), entry.getKey(),
						score(entry.getValue()), primary(entry.getValue()) / primary(unauthenticated)));
			}
			double ratio = primary(results.get("ours")) / primary(unauthenticated);
			verdicts.add(String.format("- target ours >= 0.98 of unauthenticated throughput (%s): %.3f -> %s",
					client.getKey(), ratio, verdict(ratio >= 0.98)));
		}
		this.table.add("");
		this.table.addAll(verdicts);
	}

	private void print() {
		System.out.println();
		this.table.forEach(System.out::println);
	}

	private void section(String title) {
		this.table.add("");
		this.table.add("## " + title);
		this.table.add("");
	}

	private static Map<String, RunResult> byMethod(Collection<RunResult> results) {
		Map<String, RunResult> byMethod = new TreeMap<>();
		for (RunResult result : results) {
			String benchmark = result.getParams().getBenchmark();
			byMethod.put(benchmark.substring(benchmark.lastIndexOf('.') + 1), result);
		}
		return byMethod;
	}

	private static String score(RunResult result) {
		Result<?> primary = result.getPrimaryResult();
		return Double.isNaN(primary.getScoreError()) ? String.format("%.1f", primary.getScore())
				: String.format("%.1f ± %.1f", primary.getScore(), primary.getScoreError());
	}

	private static double primary(RunResult result) {
		return result.getPrimaryResult().getScore();
	}

	private static double allocation(RunResult result) {
		Result<?> allocation = result.getSecondaryResults().get(ALLOCATION);
		return (allocation != null) ? allocation.getScore() : Double.NaN;
	}

	private static String micros(Duration duration) {
		return RenewalUnderLoad.Result.micros(duration);
	}

	private static String verdict(boolean met) {
		return met ? "MET" : "MISSED";
	}

	private static String cpuModel() {
		try {
			return Files.readAllLines(Path.of("/proc/cpuinfo"))
				.stream()
				.filter((line) -> line.startsWith("model name"))
				.map((line) -> line.substring(line.indexOf(':') + 1).trim())
				.findFirst()
				.orElse("unknown CPU");
		}
		catch (IOException | RuntimeException ex) {
			return "unknown CPU";
		}
	}

}
