package dev.patchchain.cli.fleet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The files {@code ingest} reads: each file named, and every {@code *.json} below each directory named, sorted. */
final class SnapshotFiles {

    private static final int MAX_DEPTH = 8;

    private SnapshotFiles() {
    }

    static List<Path> expand(List<Path> arguments) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path p : arguments) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p, MAX_DEPTH)) {
                    walk.filter(f -> f.getFileName().toString().endsWith(".json") && Files.isRegularFile(f)).sorted()
                            .forEach(files::add);
                }
            } else if (Files.exists(p)) {
                files.add(p);
            } else {
                throw new NoSuchFileException(p.toString());
            }
        }
        return files;
    }
}
