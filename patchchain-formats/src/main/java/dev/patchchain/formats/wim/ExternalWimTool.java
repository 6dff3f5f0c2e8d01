package dev.patchchain.formats.wim;

import dev.patchchain.formats.FormatException;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The optional external WIM backend, {@code wimlib-imagex} (Debian package {@code wimtools}) found on {@code PATH},
 * for what {@link WimReader} does not decode (LZMS, solid resources). It applies one image into a fresh temporary
 * directory, after checking the image's declared size against a limit, and under a timeout. The WIM is untrusted, so
 * the tool runs under {@code prlimit} when that is on {@code PATH} (address space {@link #MAX_TOOL_MEMORY}, no file
 * over the limit), and what it writes is summed while it runs: over the limit, it is killed (the declared size comes
 * from the WIM's own XML and proves nothing).
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

    /** The address space the tool may use (under {@code prlimit}). */
    static final long MAX_TOOL_MEMORY = 2L << 30;

    private static final Pattern TOTAL_BYTES = Pattern.compile("(?m)^Total Bytes:\\s+(\\d+)\\s*$");
    private static final int MAX_TOOL_OUTPUT = 1 << 20;
    private static final long POLL_MILLIS = 50;

    private final Path executable;
    private final Optional<Path> prlimit;

    private ExternalWimTool(Path executable, Optional<Path> prlimit) {
        this.executable = executable;
        this.prlimit = prlimit;
    }

    /** @return the tool, if {@value #EXECUTABLE} is an executable file in a {@code PATH} directory */
    public static Optional<ExternalWimTool> find() {
        String path = System.getenv("PATH");
        return path == null ? Optional.empty() : find(path);
    }

    static Optional<ExternalWimTool> find(String path) {
        return onPath(path, EXECUTABLE).map(tool -> new ExternalWimTool(tool, onPath(path, "prlimit")));
    }

    private static Optional<Path> onPath(String path, String name) {
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
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
        String info = run(limited(maxBytes, executable.toString(), "info", wim.toString(), Integer.toString(image)),
                timeout, wim, null, maxBytes);
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
            run(limited(maxBytes, executable.toString(), "apply", wim.toString(), Integer.toString(image),
                    extracted.root().toString(), "--no-acls", "--no-attributes"), timeout, wim, dir, maxBytes);
            long written = bytesBelow(dir);
            if (written > maxBytes) {
                throw fail(wim, "image " + image + " expanded to " + written + " bytes, over the limit of " + maxBytes);
            }
            return extracted;
        } catch (IOException | RuntimeException e) {
            extracted.close();
            throw e;
        }
    }

    /** The command under {@code prlimit} (memory, largest file) when it is there. */
    private List<String> limited(long maxBytes, String... command) {
        List<String> out = new ArrayList<>();
        prlimit.ifPresent(p -> out.addAll(List.of(p.toString(), "--as=" + MAX_TOOL_MEMORY,
                "--fsize=" + Math.max(1, maxBytes), "--")));
        out.addAll(List.of(command));
        return out;
    }

    /**
     * Runs the tool; while it runs, sums what it wrote below {@code watched} (if not null) and kills it over
     * {@code maxBytes}.
     */
    private static String run(List<String> command, Duration timeout, Path wim, Path watched, long maxBytes)
            throws IOException {
        Path log = Files.createTempFile("patchchain-wim-", ".log");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            long deadline = System.nanoTime() + timeout.toNanos();
            try {
                while (!p.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                    if (System.nanoTime() > deadline) {
                        stop(p);
                        throw fail(wim, String.join(" ", command) + " did not finish within " + timeout);
                    }
                    if (watched != null && bytesBelow(watched) > maxBytes) {
                        stop(p);
                        throw fail(wim, String.join(" ", command) + " wrote more than the limit of " + maxBytes
                                + " bytes");
                    }
                    if (Files.size(log) > MAX_TOOL_OUTPUT) {
                        stop(p);
                        throw fail(wim, String.join(" ", command) + " printed more than " + MAX_TOOL_OUTPUT
                                + " bytes");
                    }
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while " + EXECUTABLE + " ran", e);
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

    /** Kills the tool and waits for it, so that nothing writes into a directory about to be deleted. */
    private static void stop(Process p) throws InterruptedException {
        p.destroyForcibly();
        p.waitFor();
    }

    /** @return the bytes of the regular files below {@code dir} (links not followed) */
    private static long bytesBelow(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return 0;
        }
        long total = 0;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                try {
                    BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    total += a.isRegularFile() ? a.size() : 0;
                } catch (NoSuchFileException renamedMeanwhile) {
                    // the tool renamed it while we looked: counted at the next look
                }
            }
        } catch (UncheckedIOException e) {
            if (!(e.getCause() instanceof NoSuchFileException)) {
                throw e.getCause();
            }
        }
        return total;
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
