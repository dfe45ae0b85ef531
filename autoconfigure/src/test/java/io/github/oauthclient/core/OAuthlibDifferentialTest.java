package io.github.oauthclient.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Live differential check against Debian's oauthlib: 300 random cases (fixed seed) of
 * {@code prepare_request_body}, {@code add_token} with query placement and {@code parse_request_body_response}
 * are recorded by {@code record_vectors.py --cases} under {@code /usr/bin/python3} and replayed against the port.
 * Without that interpreter and library the test is skipped, except in CI ({@code CI=true} as environment variable
 * or system property), where it fails.
 */
class OAuthlibDifferentialTest {

	private static final Path PYTHON = Paths.get("/usr/bin/python3");

	private static final Path RECORDER = VectorFiles.moduleFile("src/test/python/record_vectors.py");

	private static final long SEED = 20240611L;

	private static final int CASES = 300;

	/** Escapes non-ASCII characters so that lone surrogates reach Python intact. */
	private static final JsonMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

	@Test
	void randomCasesAgreeWithOauthlib(@TempDir Path dir) throws Exception {
		requireOauthlib();
		List<Map<String, Object>> cases = new RandomCases(SEED).generate(CASES);
		Path in = dir.resolve("random-cases.json");
		Path out = dir.resolve("random-vectors.json");
		Files.writeString(in, JSON.writeValueAsString(cases), StandardCharsets.US_ASCII);
		Process process = new ProcessBuilder(PYTHON.toString(), RECORDER.toAbsolutePath().toString(), "--cases",
				in.toString(), "--out", out.toString())
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
			fail("record_vectors.py failed: " + output);
		}
		List<VectorVerdicts.Verdict> verdicts = new ArrayList<>();
		for (Map<String, Object> recorded : VectorFiles.load(out)) {
			verdicts.add(VectorRunner.run(recorded));
		}
		long passed = verdicts.stream().filter((v) -> v.kind() == VectorVerdicts.Kind.PASSED).count();
		long diverged = verdicts.stream().filter((v) -> v.kind() == VectorVerdicts.Kind.DIVERGED).count();
		List<VectorVerdicts.Verdict> failed = verdicts.stream()
			.filter((v) -> v.kind() == VectorVerdicts.Kind.FAILED)
			.toList();
		System.out.println("oauthlib differential [random seed=" + SEED + "]: " + passed + " passed, "
				+ failed.size() + " failed, " + diverged + " diverged");
		verdicts.stream()
			.filter((v) -> v.kind() != VectorVerdicts.Kind.PASSED)
			.forEach((v) -> System.out.println("  " + v.kind() + " " + v.id() + ": " + v.detail()));
		assertThat(verdicts).hasSize(CASES);
		assertThat(failed).isEmpty();
		assertThat(passed).as("most random cases are expressible and must match exactly").isGreaterThan(CASES / 2);
	}

	private static void requireOauthlib() throws IOException, InterruptedException {
		boolean available = Files.isExecutable(PYTHON) && probe();
		if (available) {
			return;
		}
		String message = PYTHON + " with oauthlib and blinker is not available (apt-get install -y python3-oauthlib)";
		if (isCi()) {
			fail(message + "; CI=true requires it");
		}
		Assumptions.abort(message);
	}

	private static boolean probe() throws IOException, InterruptedException {
		Process probe = new ProcessBuilder(PYTHON.toString(), "-c", "import oauthlib, blinker")
			.redirectErrorStream(true)
			.start();
		probe.getInputStream().readAllBytes();
		return probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0;
	}

	private static boolean isCi() {
		return "true".equalsIgnoreCase(System.getenv("CI")) || "true".equalsIgnoreCase(System.getProperty("CI"));
	}

}
