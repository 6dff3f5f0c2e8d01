package dev.patchchain.cli.queue;

import dev.patchchain.formats.FormatException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a whole input file or stream, refusing more than a format's size limit before allocating it. */
public final class InputBytes {

    private InputBytes() {
    }

    /**
     * @param file  the file
     * @param limit the largest size accepted
     * @return its bytes
     * @throws IOException if it cannot be read, is a directory, or is larger than the limit
     */
    public static byte[] file(Path file, int limit) throws IOException {
        if (Files.isDirectory(file)) {
            throw new NoSuchFileException(file + " (a directory, not a file)");
        }
        long size = Files.size(file);
        if (size > limit) {
            throw tooLarge(file.toString(), limit);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return stream(in, file.toString(), limit);
        }
    }

    static byte[] stream(InputStream in, String name, int limit) throws IOException {
        byte[] data = in.readNBytes(limit + 1);
        if (data.length > limit) {
            throw tooLarge(name, limit);
        }
        return data;
    }

    private static FormatException tooLarge(String name, int limit) {
        return new FormatException(FormatException.Kind.UNSUPPORTED, name, limit,
                "larger than the limit of " + (limit >> 20) + " MiB for this format");
    }
}
