package dev.patchchain.cli.pe;

import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.pe.PeVersionReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the version resources of the files and directory trees {@code file-version} is given, in a stable order
 * (directories sorted by path), reporting progress on standard error for long runs.
 */
final class FileVersionScan {

    private static final int PROGRESS_EVERY = 5000;

    private final PrintWriter progress;
    private final List<FileVersionRow> rows = new ArrayList<>();
    private int skipped;
    private int seen;

    FileVersionScan(PrintWriter progress) {
        this.progress = progress;
    }

    /**
     * @param path a file (must be a PE file) or a directory (PE files in it are read, others skipped)
     * @throws IOException if a directory cannot be listed
     */
    void add(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            rows.add(read(path, true));
            return;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(path)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            FileVersionRow row = read(file, false);
            if (row != null) {
                rows.add(row);
            }
        }
    }

    List<FileVersionRow> rows() {
        return List.copyOf(rows);
    }

    int skipped() {
        return skipped;
    }

    String summary() {
        long unversioned = rows.stream().filter(r -> !r.failed() && r.info().fileVersion().isEmpty()).count();
        long failed = rows.stream().filter(FileVersionRow::failed).count();
        return rows.size() + " PE file(s), " + unversioned + " without a version resource, " + failed
                + " unreadable; " + skipped + " other file(s) skipped";
    }

    private FileVersionRow read(Path file, boolean named) {
        if (++seen % PROGRESS_EVERY == 0) {
            progress.println("patchchain: " + seen + " files read ...");
            progress.flush();
        }
        try {
            return new FileVersionRow(file, PeVersionReader.read(file), null);
        } catch (FormatException e) {
            if (e.kind() == FormatException.Kind.NOT_THIS_FORMAT && !named) {
                skipped++;
                return null;
            }
            return new FileVersionRow(file, null, e.getMessage());
        } catch (IOException e) {
            return new FileVersionRow(file, null, "cannot read: " + e.getMessage());
        }
    }
}
