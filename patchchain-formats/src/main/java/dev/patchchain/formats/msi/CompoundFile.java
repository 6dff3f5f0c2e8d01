package dev.patchchain.formats.msi;

import dev.patchchain.formats.FormatException;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * An [MS-CFB] compound file (a database, transform or patch) opened through Apache POI's POIFS once its signature is
 * checked, with the {@link StreamBudget} of its size. POI's failures on a damaged file become {@link FormatException}s.
 */
final class CompoundFile implements Closeable {

    /** The compound file header's first 8 bytes ([MS-CFB] 2.2). */
    private static final byte[] SIGNATURE = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1,
        0x1A, (byte) 0xE1};

    private final POIFSFileSystem fs;
    private final StreamBudget budget;

    private CompoundFile(POIFSFileSystem fs, StreamBudget budget) {
        this.fs = fs;
        this.budget = budget;
    }

    /**
     * @param file the file
     * @return it, opened (read on demand); close it
     * @throws IOException a {@link FormatException} if it is not a readable compound file
     */
    static CompoundFile open(Path file) throws IOException {
        String source = file.toString();
        try (InputStream probe = Files.newInputStream(file)) {
            requireSignature(probe, source);
        }
        long size = Files.size(file);
        return open(() -> new POIFSFileSystem(file.toFile(), true), new StreamBudget(source, size), source);
    }

    /**
     * @param data   the file's bytes
     * @param source its name, for errors
     * @return it, opened; close it
     * @throws IOException a {@link FormatException} if it is not a readable compound file
     */
    static CompoundFile open(byte[] data, String source) throws IOException {
        requireSignature(new ByteArrayInputStream(data), source);
        return open(() -> new POIFSFileSystem(new ByteArrayInputStream(data)), new StreamBudget(source, data.length),
                source);
    }

    /** How POIFS opens the input. */
    private interface Opener {
        POIFSFileSystem open() throws IOException;
    }

    private static CompoundFile open(Opener opener, StreamBudget budget, String source) throws IOException {
        try {
            return new CompoundFile(opener.open(), budget);
        } catch (IOException | RuntimeException e) {
            throw e instanceof FormatException f ? f
                    : new FormatException(FormatException.Kind.CORRUPT, source, -1, "compound file: " + e);
        }
    }

    private static void requireSignature(InputStream in, String source) throws IOException {
        if (!Arrays.equals(in.readNBytes(SIGNATURE.length), SIGNATURE)) {
            throw new FormatException(FormatException.Kind.NOT_THIS_FORMAT, source, 0,
                    "not a compound file (no D0 CF 11 E0 signature)");
        }
    }

    /** @return the root storage */
    DirectoryNode root() {
        return fs.getRoot();
    }

    /** @return what its streams may still take */
    StreamBudget budget() {
        return budget;
    }

    @Override
    public void close() throws IOException {
        fs.close();
    }
}
