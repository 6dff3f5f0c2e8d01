package dev.patchchain.formats.cab;

import dev.patchchain.formats.io.RangeInput;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens a cabinet (MS-CAB, {@code docs/formats/cab.md}): reads CFHEADER, every CFFOLDER and every CFFILE, each
 * count checked against the bytes that remain before anything is allocated. Entry bytes come later, from
 * {@link Cabinet#contents}.
 *
 * <pre>{@code
 * try (Cabinet cab = CabReader.open(Path.of("x.cab"), CabLimits.DEFAULT)) {
 *     cab.entries();   // names, sizes, folders
 * }
 * }</pre>
 *
 * <p>Errors are {@link dev.patchchain.formats.FormatException}s with the file and the offset:
 * {@code NOT_THIS_FORMAT} without {@code MSCF}; {@code CORRUPT} for a bound, count, size or checksum that does not
 * hold; {@code UNSUPPORTED} for a multi-cabinet set, a format version other than 1.x, more files than the limit.
 */
public final class CabReader {

    private CabReader() {
    }

    /**
     * @param file   the cabinet
     * @param limits what it may make us do
     * @return the opened cabinet; close it
     * @throws IOException a {@link dev.patchchain.formats.FormatException} if it is not a readable cabinet
     */
    public static Cabinet open(Path file, CabLimits limits) throws IOException {
        SeekableByteChannel channel = Files.newByteChannel(file);
        try {
            return open(RangeInput.of(channel, file.toString(), "cabinet"), channel, limits);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * @param data   the cabinet's bytes
     * @param source its name, for errors
     * @param limits what it may make us do
     * @return the opened cabinet
     * @throws IOException a {@link dev.patchchain.formats.FormatException} if it is not a readable cabinet
     */
    public static Cabinet open(byte[] data, String source, CabLimits limits) throws IOException {
        return open(RangeInput.of(data, source, "cabinet"), null, limits);
    }

    private static Cabinet open(RangeInput in, SeekableByteChannel channel, CabLimits limits) throws IOException {
        CabHeader header = CabHeader.read(in);
        long folderSize = CabFolder.SIZE + (long) header.folderReserve();
        if (header.folderCount() * folderSize > in.size() - Math.min(in.size(), header.foldersOffset())) {
            throw in.corrupt(CabHeader.C_FOLDERS, "cFolders " + header.folderCount() + " of " + folderSize
                    + " bytes each do not fit in the cabinet");
        }
        if (header.fileCount() > limits.maxFiles()) {
            throw in.unsupported(CabHeader.C_FILES, "cFiles " + header.fileCount() + " exceeds the limit of "
                    + limits.maxFiles());
        }
        if (header.fileCount() * (long) (CabFileRecord.SZ_NAME + 2)
                > in.size() - Math.min(in.size(), header.filesOffset())) {
            throw in.corrupt(CabHeader.COFF_FILES, "cFiles " + header.fileCount() + " from coffFiles 0x"
                    + Long.toHexString(header.filesOffset()) + " do not fit in the cabinet");
        }
        List<CabFolder> folders = new ArrayList<>(header.folderCount());
        for (int i = 0; i < header.folderCount(); i++) {
            folders.add(CabFolder.read(in, header.foldersOffset() + i * folderSize, i));
        }
        List<CabEntry> entries = new ArrayList<>(header.fileCount());
        long offset = header.filesOffset();
        for (int i = 0; i < header.fileCount(); i++) {
            CabFileRecord file = CabFileRecord.read(in, offset, i, header.folderCount());
            entries.add(file.entry());
            offset = file.next();
        }
        return new Cabinet(in, channel, header, folders, entries, limits);
    }
}
