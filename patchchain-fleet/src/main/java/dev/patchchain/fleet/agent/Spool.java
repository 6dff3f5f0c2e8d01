package dev.patchchain.fleet.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A directory of snapshots waiting to be sent, oldest first by name; snapshots the server refused as invalid go to
 * {@code rejected/} beside them, to be looked at rather than retried. Files appear atomically (written aside, then
 * moved), so a crash never leaves half a snapshot to send.
 */
final class Spool {

    private static final String SUFFIX = ".json";
    private final Path dir;

    Spool(Path dir) {
        this.dir = dir;
    }

    Path add(byte[] snapshot, long nowMillis) throws IOException {
        Files.createDirectories(dir);
        String name = String.format("%015d-%s", nowMillis, UUID.randomUUID());
        Path temporary = dir.resolve("." + name + ".tmp");
        Files.write(temporary, snapshot);
        return Files.move(temporary, dir.resolve(name + SUFFIX), StandardCopyOption.ATOMIC_MOVE);
    }

    List<Path> pending() throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(SUFFIX) && Files.isRegularFile(p)).sorted().toList();
        }
    }

    void sent(Path file) throws IOException {
        Files.deleteIfExists(file);
    }

    Path reject(Path file) throws IOException {
        Path rejected = Files.createDirectories(dir.resolve("rejected"));
        return Files.move(file, rejected.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }
}
