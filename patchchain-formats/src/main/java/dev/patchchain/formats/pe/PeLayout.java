package dev.patchchain.formats.pe;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;

/**
 * Where the parts an Authenticode signature leaves out of its image hash lie in a PE file: the optional header's
 * {@code CheckSum}, the certificate-table data directory entry, and the certificate table itself (whose location
 * is a file offset, not an RVA). Offsets follow the Microsoft "PE Format" specification; the headers are checked as
 * {@link PeVersionReader} checks them.
 *
 * <pre>{@code
 * PeLayout layout = PeLayout.read(channel, "foo.dll");
 * layout.hasCertificateTable();   // true for an inline-signed file
 * }</pre>
 *
 * @param size                  the file size in bytes
 * @param checksumOffset        file offset of the 4-byte {@code CheckSum}
 * @param certificateEntry      file offset of the 8-byte certificate-table directory entry, -1 if the optional header
 *                              declares fewer than five data directories
 * @param certificateTable      file offset of the certificate table, 0 if there is none
 * @param certificateTableSize  its declared size in bytes, 0 if there is none
 */
public record PeLayout(long size, long checksumOffset, long certificateEntry, long certificateTable,
                       long certificateTableSize) {

    /** Size of the certificate-table data directory entry (offset and size). */
    public static final int DIRECTORY_ENTRY_SIZE = 8;
    private static final int CHECKSUM_SIZE = 4;

    /**
     * @param channel    the file; read with positioned reads, not closed
     * @param sourceName its name for error messages
     * @return the layout
     * @throws IOException a {@link dev.patchchain.formats.FormatException} if the headers are not a valid PE
     */
    public static PeLayout read(SeekableByteChannel channel, String sourceName) throws IOException {
        PeInput in = new PeInput(channel, sourceName);
        PeHeaders headers = PeHeaders.read(in);
        if (headers.checksumOffset() + CHECKSUM_SIZE > in.size()
                || headers.securityEntry() + DIRECTORY_ENTRY_SIZE > in.size()) {
            throw in.corrupt(headers.checksumOffset(), "the optional header's CheckSum or certificate-table entry"
                    + " lies past the end of the " + in.size() + "-byte file");
        }
        return new PeLayout(in.size(), headers.checksumOffset(), headers.securityEntry(), headers.securityOffset(),
                headers.securitySize());
    }

    /** @return true if the header points at a certificate table */
    public boolean hasCertificateTable() {
        return certificateEntry >= 0 && certificateTable != 0 && certificateTableSize != 0;
    }
}
