package dev.patchchain.formats.wim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The WIM oracle, {@code wimlib-imagex} (Debian {@code wimtools}): makes WIMs from directories and lists them. A test
 * without it (or without the corpus it reads) is skipped, or fails under {@code CI=true} since {@code .ci/run}
 * installs it ({@code dev.patchchain.testing.Corpus} does the same, but that module depends on this one).
 */
public final class WimTools {

    private WimTools() {
    }

    /** Skips (or, under CI, fails) the calling test without {@code wimlib-imagex}. */
    public static void require() {
        if (ExternalWimTool.find().isEmpty()) {
            unavailable(ExternalWimTool.EXECUTABLE + " is not on PATH (WIM oracle); .ci/run must install wimtools");
        }
    }

    /**
     * @param relative a path in the corpus ({@code $PATCHCHAIN_CORPUS}, else {@code ../shared/corpus} beside the
     *                 repository, as {@code Corpus} finds it)
     * @return the existing file or directory; the test is skipped (failed under CI) without it
     */
    public static Path corpus(String relative) {
        Path root = corpusRoot();
        Path file = root == null ? null : root.resolve(relative);
        if (file == null || !Files.exists(file)) {
            unavailable("corpus file " + relative + " not found (corpus root " + root + ")");
        }
        return file;
    }

    private static Path corpusRoot() {
        String env = System.getenv("PATCHCHAIN_CORPUS");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(".git"))) {
                return p.resolve("../shared/corpus").normalize();
            }
        }
        return null;
    }

    private static void unavailable(String message) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(message + " (required under CI=true)");
        }
        Assumptions.abort(message + "; skipped");
    }

    /**
     * Runs {@code wimlib-imagex capture dir wim --compress=compression [extra...]}.
     *
     * @param dir         the tree to capture
     * @param wim         the WIM to write
     * @param compression {@code none}, {@code XPRESS}, {@code LZX} or {@code LZMS}
     * @param extra       more options, e.g. {@code --solid}
     * @return {@code wim}
     * @throws Exception if the tool fails
     */
    public static Path capture(Path dir, Path wim, String compression, String... extra) throws Exception {
        require();
        List<String> command = new ArrayList<>(List.of(ExternalWimTool.EXECUTABLE, "capture", dir.toString(),
                wim.toString(), "--compress=" + compression));
        command.addAll(List.of(extra));
        run(command);
        return wim;
    }

    /**
     * @param wim the WIM
     * @return {@code wimlib-imagex dir wim 1}: every path of image 1 but the root, as {@code a\b}
     * @throws Exception if the tool fails
     */
    public static List<String> dir(Path wim) throws Exception {
        return dir(wim, 1);
    }

    /**
     * @param wim   the WIM
     * @param image the image's 1-based index
     * @return {@code wimlib-imagex dir wim image}: every path of the image but the root, as {@code a\b}
     * @throws Exception if the tool fails
     */
    public static List<String> dir(Path wim, int image) throws Exception {
        require();
        List<String> out = new ArrayList<>();
        for (String line : run(List.of(ExternalWimTool.EXECUTABLE, "dir", wim.toString(), Integer.toString(image)))
                .split("\n")) {
            if (line.startsWith("/") && line.length() > 1) {
                out.add(line.substring(1).replace('/', '\\'));
            }
        }
        return out;
    }

    /**
     * Runs {@code wimlib-imagex append dir wim}: a new image at the end.
     *
     * @param dir the tree to capture
     * @param wim the WIM to append to
     * @param name the image's name
     * @throws Exception if the tool fails
     */
    public static void append(Path dir, Path wim, String name) throws Exception {
        require();
        run(List.of(ExternalWimTool.EXECUTABLE, "append", dir.toString(), wim.toString(), name));
    }

    /**
     * @param wim the WIM
     * @return {@code wimlib-imagex info wim 1}: its {@code Name: value} lines
     * @throws Exception if the tool fails
     */
    public static java.util.Map<String, String> info(Path wim) throws Exception {
        require();
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        for (String line : run(List.of(ExternalWimTool.EXECUTABLE, "info", wim.toString(), "1")).split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                out.putIfAbsent(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
            }
        }
        return out;
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(command + " failed: " + out);
        }
        return out;
    }
}
