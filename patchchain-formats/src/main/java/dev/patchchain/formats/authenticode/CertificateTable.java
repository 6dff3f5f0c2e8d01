package dev.patchchain.formats.authenticode;

import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.io.LeReader;
import dev.patchchain.formats.pe.PeLayout;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the attribute certificate table a PE's security data directory points at: {@code WIN_CERTIFICATE} entries,
 * each {@code dwLength} bytes long and starting on an 8-byte boundary (PE format spec, "The Attribute Certificate
 * Table"). The table must lie inside the file; every entry inside the table.
 */
final class CertificateTable {

    /** Larger tables are refused before anything is allocated; real ones are tens of KiB. */
    static final long MAX_TABLE_SIZE = 16L << 20;
    private static final int HEADER_SIZE = 8; // dwLength, wRevision, wCertificateType
    private static final int DW_LENGTH = 0; // from the entry start
    private static final int W_REVISION = 4;
    private static final int W_CERTIFICATE_TYPE = 6;
    private static final int ALIGNMENT = 8;

    private CertificateTable() {
    }

    static List<WinCertificate> read(SeekableByteChannel channel, PeLayout layout, String source) throws IOException {
        long start = layout.certificateTable();
        long size = layout.certificateTableSize();
        if (start > layout.size() || size > layout.size() - start) {
            throw corrupt(source, layout.certificateEntry(), "certificate table at 0x" + Long.toHexString(start)
                    + " of " + size + " bytes runs past the end of the " + layout.size() + "-byte file");
        }
        if (start < layout.certificateEntry() + PeLayout.DIRECTORY_ENTRY_SIZE) {
            throw corrupt(source, layout.certificateEntry(), "certificate table at 0x" + Long.toHexString(start)
                    + " lies inside the headers, before the end of its own directory entry");
        }
        if (size > MAX_TABLE_SIZE) {
            throw new FormatException(FormatException.Kind.UNSUPPORTED, source, start, "certificate table of "
                    + size + " bytes exceeds the " + MAX_TABLE_SIZE + " accepted");
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) size);
        channel.position(start);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw corrupt(source, start + buffer.position(), "certificate table ends early: the file shrank");
            }
        }
        buffer.flip();
        LeReader table = LeReader.of(source, buffer, start);
        List<WinCertificate> entries = new ArrayList<>();
        int at = 0;
        while (at + HEADER_SIZE <= size) {
            long length = table.u32AsLong(at + DW_LENGTH, "WIN_CERTIFICATE dwLength");
            if (length < HEADER_SIZE || length > size - at) {
                throw table.corrupt(at, "WIN_CERTIFICATE dwLength " + length + " is below " + HEADER_SIZE
                        + " or exceeds the " + (size - at) + " bytes left in the table");
            }
            entries.add(new WinCertificate(start + at, table.u16(at + W_REVISION, "wRevision"),
                    table.u16(at + W_CERTIFICATE_TYPE, "wCertificateType"),
                    table.bytes(at + HEADER_SIZE, (int) length - HEADER_SIZE, "bCertificate")));
            at += (int) ((length + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT);
        }
        return List.copyOf(entries);
    }

    private static FormatException corrupt(String source, long offset, String message) {
        return new FormatException(FormatException.Kind.CORRUPT, source, offset, message);
    }
}
