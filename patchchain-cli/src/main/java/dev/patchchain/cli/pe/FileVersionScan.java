package dev.patchchain.cli.pe;

import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.pe.PeVersionReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Reads the version resources of the files and directory trees {@code file-version} is given, in a stable order
 * (directories sorted by path; files are read in parallel, results kept in that order), reporting progress on
 * standard error for long runs.
 */
final class FileVersionScan {

    private static final int PROGRESS_EVERY = 5000;

    private final PrintWriter progress;
    private final List<FileVersionRow> rows = new ArrayList<>();
    private final AtomicInteger skipped = new AtomicInteger();
    private final AtomicInteger seen = new AtomicInteger();

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
        files.parallelStream().map(file -> read(file, false)).toList().stream()
                .filter(java.util.Objects::nonNull).forEach(rows::add);
    }

    List<FileVersionRow> rows() {
        return List.copyOf(rows);
    }

    int skipped() {
        return skipped.get();
    }

    String summary() {
        long unversioned = rows.stream().filter(r -> !r.failed() && r.info().fileVersion().isEmpty()).count();
        long failed = rows.stream().filter(FileVersionRow::failed).count();
        return rows.size() + " PE file(s), " + unversioned + " without a version resource, " + failed
                + " unreadable; " + skipped.get() + " other file(s) skipped";
    }

    private FileVersionRow read(Path file, boolean named) {
        int count = seen.incrementAndGet();
        if (count % PROGRESS_EVERY == 0) {
            synchronized (progress) {
                progress.println("patchchain: " + count + " files read ...");
                progress.flush();
            }
        }
        try {
            return new FileVersionRow(file, PeVersionReader.read(file), null);
        } catch (FormatException e) {
            if (e.kind() == FormatException.Kind.NOT_THIS_FORMAT && !named) {
                skipped.incrementAndGet();
                return null;
            }
            return new FileVersionRow(file, null, e.getMessage());
        } catch (IOException e) {
            return new FileVersionRow(file, null, "cannot read: " + e.getMessage());
        }
    }
}
