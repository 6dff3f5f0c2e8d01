package dev.patchchain.cli.queue;

import dev.patchchain.cli.UsageException;
import dev.patchchain.core.queue.PendingQueue;
import dev.patchchain.core.volume.InMemoryVolume;
import dev.patchchain.formats.json.JsonQueueDocument;
import dev.patchchain.formats.json.JsonQueueFormat;
import dev.patchchain.formats.reg.QueueRegistryView;
import dev.patchchain.formats.reg.RegFileWriter;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Writes a queue to a file: as {@code .reg} (the current control set's Session Manager key, UTF-16LE as regedit
 * writes it, for {@code reg import}) or in the JSON queue format. Writes go to a temporary file beside the target
 * and are moved into place, so a reader never sees half a file; an existing file is kept unless forced.
 */
public final class QueueFileWriter {

    private final boolean overwrite;

    /** @param overwrite whether an existing file may be replaced */
    public QueueFileWriter(boolean overwrite) {
        this.overwrite = overwrite;
    }

    /**
     * @param file  the {@code .reg} file to write
     * @param queue the queue
     * @throws IOException if writing fails
     */
    public void writeReg(Path file, PendingQueue queue) throws IOException {
        write(file, RegFileWriter.write(QueueRegistryView.toRegFile(queue, QueueRegistryView.CURRENT_KEY_PATH)));
    }

    /**
     * @param file   the JSON file to write
     * @param queue  the queue
     * @param input  where the queue came from: its volume is described too when it came from a JSON queue
     * @throws IOException if writing fails
     */
    void writeJson(Path file, PendingQueue queue, LoadedQueue input) throws IOException {
        Optional<InMemoryVolume> volume = input.volume() instanceof InMemoryVolume memory ? Optional.of(memory)
                : Optional.empty();
        write(file, JsonQueueFormat.write(new JsonQueueDocument(queue, volume, Optional.empty())));
    }

    private void write(Path file, byte[] data) throws IOException {
        if (!overwrite && Files.exists(file)) {
            throw new UsageException(file + " exists; give another name or --force to replace it");
        }
        Path parent = file.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(parent, "." + file.getFileName(), ".tmp");
        try {
            Files.write(temp, data);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
