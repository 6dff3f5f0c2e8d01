package dev.patchchain.formats.cab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The cabinet oracles, Debian's {@code gcab} (makes cabinets) and {@code cabextract} (lists and extracts them).
 * A test without them is skipped, or fails under {@code CI=true} since {@code .ci/run} installs both.
 */
final class CabTools {

    private CabTools() {
    }

    static void require(String tool) {
        if (!Files.isExecutable(Path.of("/usr/bin", tool))) {
            String message = tool + " is not installed (cabinet oracle); .ci/run must install it";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(message + " (required under CI=true)");
            }
            Assumptions.abort(message + "; skipped");
        }
    }

    /**
     * @param variable the environment variable naming the directory, which {@code .ci/run} fills
     * @param what     what the suite is, for the message
     * @return the directory of another project's test cabinets; the test is skipped without it, or fails under
     *         {@code CI=true}
     */
    static Path suite(String variable, String what) {
        String dir = System.getenv(variable);
        if (dir == null || dir.isBlank() || !Files.isDirectory(Path.of(dir))) {
            String message = what + " are absent ($" + variable + "=" + dir + "); .ci/run downloads them";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(message + " (required under CI=true)");
            }
            Assumptions.abort(message + "; skipped");
        }
        return Path.of(dir);
    }

    /**
     * Extracts with {@code cabextract -q -d to cab}.
     *
     * @return whether {@code cabextract} succeeded (exit status 0)
     */
    static boolean tryExtract(Path cab, Path to) throws Exception {
        require("cabextract");
        Process p = new ProcessBuilder("cabextract", "-q", "-d", to.toString(), cab.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("cabextract did not finish in 60 s on " + cab);
        }
        return p.exitValue() == 0;
    }

    /** Runs {@code gcab -c[z] cab files...} in {@code dir}, so the stored names are the relative paths. */
    static Path gcab(Path dir, String cabName, boolean mszip, List<String> files) throws Exception {
        require("gcab");
        List<String> command = new ArrayList<>(List.of("gcab", mszip ? "-cz" : "-c", cabName));
        command.addAll(files);
        run(dir, command);
        return dir.resolve(cabName);
    }

    /** @return {@code cabextract -l}: one {@code size name} line per file */
    static List<String> list(Path cab) throws Exception {
        require("cabextract");
        List<String> out = new ArrayList<>();
        for (String line : run(cab.getParent(), List.of("cabextract", "-l", cab.toString())).split("\n")) {
            String[] parts = line.split("\\|");
            if (parts.length == 3 && parts[0].trim().matches("\\d+")) {
                out.add(parts[0].trim() + " " + parts[2].trim());
            }
        }
        return out;
    }

    /** Extracts with {@code cabextract -d to cab}. */
    static void extract(Path cab, Path to) throws Exception {
        require("cabextract");
        run(cab.getParent(), List.of("cabextract", "-q", "-d", to.toString(), cab.toString()));
    }

    private static String run(Path dir, List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(command + " failed: " + out);
        }
        return out;
    }
}
