package dev.patchchain.platform.image;

import dev.patchchain.core.volume.FileFacts;
import java.nio.file.Path;

/**
 * Reads what the queue analysis needs to know about one real file: its size and fixed version. The usual
 * implementation reads the PE version resource; tests may substitute their own.
 */
@FunctionalInterface
public interface FileInspector {

    /**
     * @param file a regular file inside the image
     * @param size its size in bytes
     * @return its facts; a file that is not a PE or has no version resource is not an error (say so in the note)
     */
    FileFacts inspect(Path file, long size);
}
