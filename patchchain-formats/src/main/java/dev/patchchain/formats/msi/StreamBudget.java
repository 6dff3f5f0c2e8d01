package dev.patchchain.formats.msi;

import dev.patchchain.formats.FormatException;

/**
 * How many stream bytes one compound file may give in total: no more than the file holds. Streams of a valid file
 * never share sectors, so a file whose directory entries point at one chain again and again (each entry passing
 * POI's own loop check) is refused here instead of being read over and over until memory runs out.
 */
final class StreamBudget {

    private final String source;
    private final long fileBytes;
    private long remaining;

    /**
     * @param source    the file's name, for errors
     * @param fileBytes its size
     */
    StreamBudget(String source, long fileBytes) {
        this.source = source;
        this.fileBytes = fileBytes;
        this.remaining = fileBytes;
    }

    /**
     * @param bytes  a stream's declared size
     * @param stream its name, for errors
     * @throws FormatException if the size is negative, or the streams read so far would exceed the file
     */
    void take(long bytes, String stream) throws FormatException {
        if (bytes < 0) {
            throw new FormatException(FormatException.Kind.CORRUPT, source, -1, "stream " + stream
                    + " declares a negative size " + bytes);
        }
        if (bytes > remaining) {
            throw new FormatException(FormatException.Kind.CORRUPT, source, -1, "stream " + stream + " of " + bytes
                    + " bytes takes the streams read past the file's " + fileBytes + " bytes: streams share sectors");
        }
        remaining -= bytes;
    }
}
