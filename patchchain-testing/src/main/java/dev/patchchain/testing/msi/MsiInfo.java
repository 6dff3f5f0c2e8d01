package dev.patchchain.testing.msi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * msitools' {@code msiinfo export}, the reference reading of an MSI database for the transform and patch oracles:
 * a table's schema and its rows as text (integers in decimal, null as empty).
 *
 * <pre>{@code
 * TableSchema file = MsiInfo.schema(msi, "File");
 * List<List<String>> rows = MsiInfo.rows(msi, "File");   // [[tool, Main, tool.dll, 2, 2.5.0.7, , 512, 1], ...]
 * }</pre>
 */
public final class MsiInfo {

    /** The program; Debian package {@code msitools}. */
    public static final String COMMAND = "msiinfo";
    private static final long TIMEOUT_SECONDS = 60;
    private static final int HEADER_LINES = 3;

    private MsiInfo() {
    }

    /**
     * @param msi   the database
     * @param table a table's name
     * @return its schema
     * @throws IOException if msiinfo fails
     */
    public static TableSchema schema(Path msi, String table) throws IOException {
        return TableSchema.parseIdt(export(msi, table));
    }

    /**
     * @param msi   the database
     * @param table a table's name
     * @return its rows in stored order, each its values as text (null as empty)
     * @throws IOException if msiinfo fails
     */
    public static List<List<String>> rows(Path msi, String table) throws IOException {
        String[] lines = export(msi, table).split("\r?\n");
        List<List<String>> rows = new ArrayList<>();
        for (int i = HEADER_LINES; i < lines.length; i++) {
            rows.add(List.of(lines[i].split("\t", -1)));
        }
        return rows;
    }

    /**
     * @param msi   the database
     * @param table a table's name
     * @return {@code msiinfo export msi table}: the {@code .idt} text
     * @throws IOException if msiinfo fails or times out
     */
    public static String export(Path msi, String table) throws IOException {
        return run(List.of(COMMAND, "export", msi.toAbsolutePath().toString(), table));
    }

    /**
     * @param file a database, transform or patch
     * @return {@code msiinfo suminfo}: its summary properties, one {@code Name: value} line each
     * @throws IOException if msiinfo fails
     */
    public static String summary(Path file) throws IOException {
        return run(List.of(COMMAND, "suminfo", file.toAbsolutePath().toString()));
    }

    /**
     * @param msi the database
     * @return {@code msiinfo tables}: the names of its tables
     * @throws IOException if msiinfo fails
     */
    public static List<String> tables(Path msi) throws IOException {
        return run(List.of(COMMAND, "tables", msi.toAbsolutePath().toString())).lines().map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }

    private static String run(List<String> command) throws IOException {
        Path output = Files.createTempFile("msiinfo", ".txt");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                    .start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(command + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IOException(command + " failed (exit " + process.exitValue() + "): " + text);
            }
            return text;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command, e);
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
