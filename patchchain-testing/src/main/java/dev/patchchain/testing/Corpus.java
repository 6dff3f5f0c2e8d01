package dev.patchchain.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Access to the real third-party test data in {@code ../shared/corpus} (see its PROVENANCE.md). A fresh clone has
 * no corpus: tests that need it are skipped, except under {@code CI=true}, where a missing corpus fails the test.
 *
 * <p>The corpus is found at {@code $PATCHCHAIN_CORPUS}, else at {@code <repository>/../shared/corpus}, the
 * repository being {@code $PATCHCHAIN_REPO_ROOT} (set by the build) or the working directory's nearest ancestor
 * holding {@code .git}.
 */
public final class Corpus {

    private Corpus() {
    }

    /**
     * Resolves a corpus file, skipping the calling test when the corpus is absent (failing it under CI).
     *
     * @param relative a path inside the corpus, e.g. {@code pe/ORACLE.tsv}
     * @return the existing file or directory
     */
    public static Path require(String relative) {
        Path root = root();
        Path file = root == null ? null : root.resolve(relative);
        if (file == null || !Files.exists(file)) {
            String message = "corpus file not found: " + relative + " (looked in " + root + ")";
            if (isCi()) {
                Assertions.fail(message + "; under CI=true the corpus is required");
            }
            Assumptions.abort(message + "; skipped");
        }
        return file;
    }

    /** @return true when running under CI ({@code CI=true}) */
    public static boolean isCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /**
     * Skips the calling test when an external tool is missing; under CI a missing tool fails the test, since
     * {@code .ci/run} installs every tool the tests use.
     *
     * @param command the program, e.g. {@code /usr/bin/python3}
     * @param why     what the test uses it for
     */
    public static void requireTool(String command, String why) {
        boolean found = command.contains("/") ? Files.isExecutable(Paths.get(command)) : onPath(command);
        if (!found) {
            unavailable(command + " is not installed (" + why + "); .ci/run must install it");
        }
    }

    /**
     * Skips the calling test because something it needs is missing; under CI the test fails instead.
     *
     * @param message what is missing
     */
    public static void unavailable(String message) {
        if (isCi()) {
            Assertions.fail(message + " (required under CI=true)");
        }
        Assumptions.abort(message + "; skipped");
    }

    /** @return the corpus root, or {@code null} if it cannot be found */
    public static Path root() {
        String env = System.getenv("PATCHCHAIN_CORPUS");
        if (env != null && !env.isBlank()) {
            return Paths.get(env);
        }
        Path repo = repositoryRoot();
        return repo == null ? null : repo.resolve("../shared/corpus").normalize();
    }

    /** @return the repository root, or {@code null} if it cannot be found */
    public static Path repositoryRoot() {
        String env = System.getenv("PATCHCHAIN_REPO_ROOT");
        if (env != null && !env.isBlank()) {
            return Paths.get(env).toAbsolutePath();
        }
        for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(".git"))) {
                return p;
            }
        }
        return null;
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Paths.get(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
