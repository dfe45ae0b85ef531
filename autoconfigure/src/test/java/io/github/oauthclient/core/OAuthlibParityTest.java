package io.github.oauthclient.core;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every recorded oauthlib case against the port: the shared {@code oauthlib-vectors.json}, our own
 * {@code extra-vectors.json} (recorded from Debian's oauthlib by {@code src/test/python/record_vectors.py}), and
 * every file named by {@code -Doauthlib.vectors=a.json,b.json}. Prints one line per file,
 * {@code oauthlib parity [FILE NAME]: N passed, N failed, N diverged}, and fails on any failed case. Diverged
 * cases are those covered by the written rules in {@link VectorVerdicts}.
 */
class OAuthlibParityTest {

	@Test
	void sharedVectors() {
		assertNoFailures(runFile(VectorFiles.shared()));
	}

	@Test
	void extraVectorsRecordedFromOauthlib() {
		List<VectorVerdicts.Verdict> verdicts = runFile(VectorFiles.extra());
		assertThat(verdicts).hasSizeGreaterThan(100);
		assertNoFailures(verdicts);
	}

	@Test
	void vectorFilesNamedBySystemProperty() {
		List<Path> files = VectorFiles.fromProperty();
		Assumptions.assumeFalse(files.isEmpty(), "no -Doauthlib.vectors=<file,...> given");
		List<VectorVerdicts.Verdict> all = new ArrayList<>();
		for (Path path : files) {
			all.addAll(runFile(path));
		}
		assertNoFailures(all);
	}

	static List<VectorVerdicts.Verdict> runFile(Path path) {
		List<VectorVerdicts.Verdict> verdicts = new ArrayList<>();
		for (Map<String, Object> testCase : VectorFiles.load(path)) {
			verdicts.add(VectorRunner.run(testCase));
		}
		long passed = count(verdicts, VectorVerdicts.Kind.PASSED);
		long failed = count(verdicts, VectorVerdicts.Kind.FAILED);
		long diverged = count(verdicts, VectorVerdicts.Kind.DIVERGED);
		System.out.println("oauthlib parity [" + path.getFileName() + "]: " + passed + " passed, " + failed
				+ " failed, " + diverged + " diverged");
		Map<String, Integer> rules = new TreeMap<>();
		for (VectorVerdicts.Verdict v : verdicts) {
			if (v.kind() == VectorVerdicts.Kind.DIVERGED) {
				rules.merge(v.detail().substring(0, v.detail().indexOf(' ')), 1, Integer::sum);
				System.out.println("  diverged " + v.id() + ": " + v.detail());
			}
			else if (v.kind() == VectorVerdicts.Kind.FAILED) {
				System.out.println("  FAILED " + v.id() + ": " + v.detail());
			}
		}
		if (!rules.isEmpty()) {
			System.out.println("  divergences by rule: " + rules);
		}
		return verdicts;
	}

	private static long count(List<VectorVerdicts.Verdict> verdicts, VectorVerdicts.Kind kind) {
		return verdicts.stream().filter((v) -> v.kind() == kind).count();
	}

	private static void assertNoFailures(List<VectorVerdicts.Verdict> verdicts) {
		assertThat(verdicts).filteredOn((v) -> v.kind() == VectorVerdicts.Kind.FAILED).isEmpty();
	}

}
