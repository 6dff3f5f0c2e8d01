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
            throw new IOException("regedit /E wrote nothing (exit " + r.exitCode() + "): " + r.output());
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
            throw new IOException("reg import " + file + " failed (exit " + r.exitCode() + "): " + r.output());
        }
    }

    /**
     * Reboots: {@code wineboot -r} executes {@code PendingFileRenameOperations} and deletes the value.
     *
     * @throws IOException if wineboot fails
     */
    public void reboot() throws IOException {
        Result r = run(List.of("wineboot", "-r"));
        if (r.exitCode() != 0) {
            throw new IOException("wineboot -r failed (exit " + r.exitCode() + "): " + r.output());
        }
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
        // Output goes to a file, not a pipe: Wine's background processes (wineserver, services) inherit the
        // handle and would hold a pipe open long after the command itself has finished.
        Path output = Files.createTempFile(directory.getParent(), "wine-output", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        Map<String, String> env = builder.environment();
        env.put("WINEPREFIX", directory.toString());
        env.put("WINEDEBUG", "-all");
        env.put("WINEDLLOVERRIDES", "mscoree,mshtml=");
        env.remove("DISPLAY");
        Process process = builder.start();
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(command + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
            return new Result(process.exitValue(), Files.readAllBytes(output));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted while running " + command, e);
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /**
     * What a command returned.
     *
     * @param exitCode its exit code
     * @param bytes    its standard output and error, as printed
     */
    public record Result(int exitCode, byte[] bytes) {

        /** Copies the bytes. */
        public Result {
            bytes = bytes.clone();
        }

        /** @return the output as UTF-8 text */
        public String output() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }
    }
}
