package dev.patchchain.testing.wine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Wine prefix and the few Wine programs the oracle runs in it: a Windows program, {@code reg query},
 * {@code regedit /E} and {@code reg import}, and {@code wineboot -r}, the boot that executes the pending queue.
 * Debug output and the Mono/Gecko installers are switched off; every command has a time limit. The prefix's
 * wineserver is persistent from {@link #create} to {@link #stop}, so that Wine never boots on its own in between.
 *
 * <pre>{@code
 * WinePrefix prefix = WinePrefix.create(dir);          // wineboot --init: a few seconds
 * prefix.wine("Z:\\tmp\\pfro_helper.exe", "Z:\\tmp\\steps.txt");
 * prefix.reboot();                                     // wineboot -r
 * prefix.stop();                                       // wineserver -k
 * }</pre>
 */
public final class WinePrefix {

    /** The Session Manager key as Wine's {@code reg} and {@code regedit} name it. */
    public static final String SESSION_MANAGER = "HKEY_LOCAL_MACHINE\\System\\CurrentControlSet\\Control\\Session Manager";
    private static final long TIMEOUT_SECONDS = 120;
    /** How often a boot is tried while it fails and leaves the queue pending (a busy machine can make it fail). */
    private static final int BOOT_ATTEMPTS = 3;

    private final Path directory;

    private WinePrefix(Path directory) {
        this.directory = directory;
    }

    /**
     * Creates a prefix ({@code wineboot --init}) and waits for Wine to settle.
     *
     * @param directory where; must not exist yet
     * @return the prefix
     * @throws IOException if Wine fails
     */
    public static WinePrefix create(Path directory) throws IOException {
        WinePrefix prefix = new WinePrefix(directory.toAbsolutePath());
        prefix.run(List.of("wineboot", "--init"));
        prefix.run(List.of("wineserver", "-w"));
        if (!Files.isDirectory(prefix.driveC())) {
            throw new IOException("wineboot --init made no drive_c in " + directory);
        }
        // The first process of a wineserver session starts "wineboot --init" behind our back, and that executes
        // the pending queue, racing the helper. So: one persistent server for the whole run, its session opened
        // by a boot of our own; stop() ends it.
        prefix.run(List.of("wineserver", "-p"));
        prefix.reboot();
        return prefix;
    }

    /** @return the host directory that is {@code C:\} */
    public Path driveC() {
        return directory.resolve("drive_c");
    }

    /**
     * @param host a host path
     * @return the same file as Wine names it through drive {@code Z:}, e.g. {@code Z:\tmp\x}
     */
    public static String windowsPath(Path host) {
        return "Z:" + host.toAbsolutePath().toString().replace('/', '\\');
    }

    /**
     * Runs {@code wine} with arguments and returns what it printed.
     *
     * @param args the program and its arguments
     * @return the exit code and standard output
     * @throws IOException if Wine cannot be started or times out
     */
    public Result wine(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("wine"));
        command.addAll(List.of(args));
        return run(command);
    }

    /**
     * @return {@code reg query "...\Session Manager" /v PendingFileRenameOperations}: its output, exit code 1 when
     *         the value does not exist
     * @throws IOException if Wine fails
     */
    public Result queryQueue() throws IOException {
        return wine("reg", "query", SESSION_MANAGER, "/v", "PendingFileRenameOperations");
    }

    /**
     * Exports the Session Manager key with {@code regedit /E}.
     *
     * @param file the host file to write
     * @return its bytes (UTF-16LE, as regedit writes)
     * @throws IOException if the export fails
     */
    public byte[] exportSessionManager(Path file) throws IOException {
        Files.deleteIfExists(file);
        Result r = wine("regedit", "/E", windowsPath(file), SESSION_MANAGER);
        if (!Files.exists(file)) {
            throw new IOException("regedit /E wrote nothing (exit " + r.exitCode() + "): " + r.output() + r.errors());
        }
        return Files.readAllBytes(file);
    }

    /**
     * Imports a {@code .reg} file with {@code reg import}.
     *
     * @param file the host file
     * @throws IOException if the import fails
     */
    public void importRegFile(Path file) throws IOException {
        Result r = wine("reg", "import", windowsPath(file));
        if (r.exitCode() != 0) {
            throw new IOException("reg import " + file + " failed (exit " + r.exitCode() + "): " + r.output() + r.errors());
        }
    }

    /**
     * Reboots: {@code wineboot -r} executes {@code PendingFileRenameOperations} and deletes the value. A boot that
     * exits non-zero while the value is still there is tried again (up to three times, each attempt's error output
     * kept for the message); one that exits non-zero after the value is gone has done its work, and that is said on
     * standard error. What the boot did to the files is for the caller to compare.
     *
     * @throws IOException if wineboot fails every attempt
     */
    public void reboot() throws IOException {
        List<String> failures = new ArrayList<>();
        for (int attempt = 1; attempt <= BOOT_ATTEMPTS; attempt++) {
            Result r = run(List.of("wineboot", "-r"));
            if (r.exitCode() == 0) {
                failures.forEach(f -> System.err.println("[wine] wineboot -r, retried after: " + f));
                return;
            }
            failures.add("attempt " + attempt + ": exit " + r.exitCode() + "; error output: " + r.errors().strip());
            if (queryQueue().exitCode() != 0) {
                System.err.println("[wine] wineboot -r executed the queue but exited non-zero: " + failures);
                return;
            }
        }
        throw new IOException("wineboot -r failed " + BOOT_ATTEMPTS + " times and left the queue pending:\n"
                + String.join("\n", failures));
    }

    /**
     * Stops the prefix's wineserver and every Wine process in it ({@code wineserver -k}).
     *
     * @throws IOException if wineserver cannot be run
     */
    public void stop() throws IOException {
        run(List.of("wineserver", "-k"));
    }

    private Result run(List<String> command) throws IOException {
        // Output goes to files, not pipes: Wine's background processes (wineserver, services) inherit the handles
        // and would hold a pipe open long after the command itself has finished.
        Path output = Files.createTempFile(directory.getParent(), "wine-output", ".txt");
        Path errors = Files.createTempFile(directory.getParent(), "wine-errors", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(output.toFile())
                .redirectError(errors.toFile()).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        Map<String, String> env = builder.environment();
        env.put("WINEPREFIX", directory.toString());
        env.put("WINEDEBUG", "-all,err+all"); // errors only, and on standard error: never mixed into the output
        env.put("WINEDLLOVERRIDES", "mscoree,mshtml=");
        env.remove("DISPLAY");
        Process process = builder.start();
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(command + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
            return new Result(process.exitValue(), Files.readAllBytes(output),
                    new String(Files.readAllBytes(errors), StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted while running " + command, e);
        } finally {
            Files.deleteIfExists(output);
            Files.deleteIfExists(errors);
        }
    }

    /**
     * What a command returned.
     *
     * @param exitCode its exit code
     * @param bytes    its standard output, as printed
     * @param errors   its standard error: Wine's error messages
     */
    public record Result(int exitCode, byte[] bytes, String errors) {

        /** Copies the bytes. */
        public Result {
            bytes = bytes.clone();
        }

        /** @return the standard output as UTF-8 text */
        public String output() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }
    }
}
