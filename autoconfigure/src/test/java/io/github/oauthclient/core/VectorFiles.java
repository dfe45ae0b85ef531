package io.github.oauthclient.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds and loads oauthlib vector files ({@code [{"id", "op", "ctor", "args", "env"?, "at"?, "before"?,
 * "expect"}]}). The shared file comes from the system property {@code oauthlib.shared.vectors}, else from
 * {@code shared/oauthlib-vectors.json} beside the repository ({@code <repo>/../shared}, as CI lays it out) or one
 * level higher ({@code <repo>/../../shared}, for a worktree under {@code /work/wt}).
 */
final class VectorFiles {

	static final String SHARED_NAME = "oauthlib-vectors.json";

	private static final String EXTRA_RESOURCE = "/oauthlib/extra-vectors.json";

	private VectorFiles() {
	}

	/** The shared vectors file; throws with the places searched when it cannot be found. */
	static Path shared() {
		String configured = System.getProperty("oauthlib.shared.vectors", "").trim();
		if (!configured.isEmpty()) {
			Path path = Paths.get(configured).toAbsolutePath();
			if (!Files.isRegularFile(path)) {
				throw new IllegalStateException("-Doauthlib.shared.vectors=" + configured + " does not exist");
			}
			return path;
		}
		Path repoRoot = repositoryRoot();
		List<Path> candidates = List.of(repoRoot.resolve("../shared").resolve(SHARED_NAME).normalize(),
				repoRoot.resolve("../../shared").resolve(SHARED_NAME).normalize());
		for (Path candidate : candidates) {
			if (Files.isRegularFile(candidate)) {
				return candidate;
			}
		}
		throw new IllegalStateException("Cannot find " + SHARED_NAME + "; looked at " + candidates
				+ "; set -Doauthlib.shared.vectors=<path>");
	}

	/** Our own vectors, recorded from oauthlib by {@code src/test/python/record_vectors.py} (from the classpath). */
	static Path extra() {
		try {
			java.net.URL url = VectorFiles.class.getResource(EXTRA_RESOURCE);
			if (url == null) {
				throw new IllegalStateException(EXTRA_RESOURCE + " is not on the test classpath");
			}
			return Paths.get(url.toURI());
		}
		catch (java.net.URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A file of the autoconfigure module, found from the working directory or the repository root. */
	static Path moduleFile(String relative) {
		Path fromWorkingDirectory = Paths.get(relative).toAbsolutePath();
		return Files.exists(fromWorkingDirectory) ? fromWorkingDirectory
				: repositoryRoot().resolve("autoconfigure").resolve(relative);
	}

	/** Files named by the comma-separated system property {@code oauthlib.vectors}. */
	static List<Path> fromProperty() {
		List<Path> paths = new ArrayList<>();
		for (String part : System.getProperty("oauthlib.vectors", "").split(",")) {
			if (!part.isBlank()) {
				Path path = Paths.get(part.trim());
				paths.add(path.isAbsolute() ? path : repositoryRoot().resolve(path).normalize());
			}
		}
		return paths;
	}

	/** The nearest ancestor of the working directory holding the Maven wrapper. */
	static Path repositoryRoot() {
		Path start = Paths.get("").toAbsolutePath();
		for (Path dir = start; dir != null; dir = dir.getParent()) {
			if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve(".mvn"))) {
				return dir;
			}
		}
		return start;
	}

	/** Reads a vectors file with Python's JSON semantics (ints stay ints, floats stay floats). */
	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> load(Path path) {
		try {
			PythonJson.Result result = PythonJson.parse(Files.readString(path, StandardCharsets.UTF_8));
			if (!result.isJson() || !(result.value() instanceof List)) {
				throw new IllegalStateException(path + " is not a JSON array of cases");
			}
			return (List<Map<String, Object>>) result.value();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
