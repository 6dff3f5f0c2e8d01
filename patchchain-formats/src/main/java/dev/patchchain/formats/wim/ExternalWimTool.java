package dev.patchchain.formats.wim;

import dev.patchchain.formats.FormatException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The optional external WIM backend, {@code wimlib-imagex} (Debian package {@code wimtools}) found on {@code PATH},
 * for what {@link WimReader} does not decode (LZMS, solid resources). It applies one image into a fresh temporary
 * directory, after checking the image's declared size against a limit, and under a timeout.
 *
 * <pre>{@code
 * Optional<ExternalWimTool> tool = ExternalWimTool.find();
 * try (ExtractedImage image = tool.orElseThrow().apply(Path.of("kb.wim"), 1, 1L << 30, Duration.ofMinutes(2))) {
 *     image.contents("update.mum");
 * }
 * }</pre>
 */
public final class ExternalWimTool {

    /** The executable looked for on {@code PATH}. */
    public static final String EXECUTABLE = "wimlib-imagex";

    private static final Pattern TOTAL_BYTES = Pattern.compile("(?m)^Total Bytes:\\s+(\\d+)\\s*$");
    private static final int MAX_TOOL_OUTPUT = 1 << 20;

    private final Path executable;

    private ExternalWimTool(Path executable) {
        this.executable = executable;
    }

    /** @return the tool, if {@value #EXECUTABLE} is an executable file in a {@code PATH} directory */
    public static Optional<ExternalWimTool> find() {
        String path = System.getenv("PATH");
        return path == null ? Optional.empty() : find(path);
    }

    static Optional<ExternalWimTool> find(String path) {
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, EXECUTABLE);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(new ExternalWimTool(candidate));
            }
        }
        return Optional.empty();
    }

    /**
     * Applies one image into a new temporary directory (deleted when the result is closed).
     *
     * @param wim      the WIM file
     * @param image    the image's 1-based index
     * @param maxBytes the most bytes the image may declare (its {@code Total Bytes})
     * @param timeout  how long each run of the tool may take
     * @return the applied image
     * @throws IOException a {@link FormatException} ({@code UNSUPPORTED}) if the image is over the limit, the tool
     *                     fails or times out; the message holds the tool's output
     */
    public ExtractedImage apply(Path wim, int image, long maxBytes, Duration timeout) throws IOException {
        String info = run(List.of(executable.toString(), "info", wim.toString(), Integer.toString(image)), timeout,
                wim);
        Matcher m = TOTAL_BYTES.matcher(info);
        if (!m.find()) {
            throw fail(wim, "'" + EXECUTABLE + " info' printed no image size: " + info);
        }
        long declared = Long.parseLong(m.group(1));
        if (declared > maxBytes) {
            throw fail(wim, "image " + image + " holds " + declared + " bytes, over the limit of " + maxBytes);
        }
        Path dir = Files.createTempDirectory("patchchain-wim-");
        ExtractedImage extracted = new ExtractedImage(dir.resolve("image"), maxBytes);
        try {
            run(List.of(executable.toString(), "apply", wim.toString(), Integer.toString(image),
                    extracted.root().toString(), "--no-acls", "--no-attributes"), timeout, wim);
            return extracted;
        } catch (IOException | RuntimeException e) {
            extracted.close();
            throw e;
        }
    }

    private static String run(List<String> command, Duration timeout, Path wim) throws IOException {
        Path log = Files.createTempFile("patchchain-wim-", ".log");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean done;
            try {
                done = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while " + EXECUTABLE + " ran", e);
            }
            if (!done) {
                p.destroyForcibly();
                throw fail(wim, String.join(" ", command) + " did not finish within " + timeout);
            }
            String out = output(log);
            if (p.exitValue() != 0) {
                throw fail(wim, String.join(" ", command) + " failed (exit " + p.exitValue() + "): " + out);
            }
            return out;
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static String output(Path log) throws IOException {
        long size = Files.size(log);
        byte[] bytes = new byte[(int) Math.min(size, MAX_TOOL_OUTPUT)];
        try (var in = Files.newInputStream(log)) {
            int n = in.readNBytes(bytes, 0, bytes.length);
            return new String(bytes, 0, n, StandardCharsets.UTF_8).strip();
        }
    }

    private static FormatException fail(Path wim, String message) {
        return new FormatException(FormatException.Kind.UNSUPPORTED, wim.toString(), -1, EXECUTABLE + ": "
                + message);
    }
}
