package dev.patchchain.formats.wim;

import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.io.LeReader;
import dev.patchchain.formats.io.RangeInput;
import java.io.IOException;
import java.util.Arrays;

/**
 * The WIM header ({@code WIMHEADER_V1_PACKED}, 208 bytes at offset 0; {@code docs/formats/wim.md#header}).
 *
 * @param version      0x10D00, or 0xE00 for a WIM with solid resources
 * @param flags        the header flags
 * @param compression  how compressed resources are compressed
 * @param chunkSize    the expanded size of a chunk of a compressed resource
 * @param imageCount   the number of images
 * @param blobTable    the blob (lookup) table
 * @param xmlData      the XML description of the images
 * @param bootMetadata the metadata resource of the bootable image, or empty
 * @param bootIndex    the bootable image (1-based), 0 for none
 * @param integrity    the integrity table, or empty
 */
record WimHeader(int version, int flags, WimCompression compression, int chunkSize, int imageCount,
                 ResourceHeader blobTable, ResourceHeader xmlData, ResourceHeader bootMetadata, int bootIndex,
                 ResourceHeader integrity) {

    static final int SIZE = 0xD0;
    static final byte[] MAGIC = {'M', 'S', 'W', 'I', 'M', 0, 0, 0};
    static final int VERSION_DEFAULT = 0x10D00;
    static final int VERSION_SOLID = 0xE00;
    static final int FLAG_COMPRESSION = 0x2;
    static final int FLAG_SPANNED = 0x8;
    static final int DEFAULT_CHUNK_SIZE = 32 * 1024;

    private static final int HEADER_SIZE = 0x08;
    private static final int VERSION = 0x0C;
    private static final int FLAGS = 0x10;
    private static final int CHUNK_SIZE = 0x14;
    private static final int PART_NUMBER = 0x28;
    private static final int TOTAL_PARTS = 0x2A;
    private static final int IMAGE_COUNT = 0x2C;
    private static final int BLOB_TABLE = 0x30;
    private static final int XML_DATA = 0x48;
    private static final int BOOT_METADATA = 0x60;
    private static final int BOOT_INDEX = 0x78;
    private static final int INTEGRITY = 0x7C;
    private static final int MIN_CHUNK_SIZE = 1 << 12;
    private static final int MAX_CHUNK_SIZE = 1 << 26;

    static WimHeader read(RangeInput in) throws IOException {
        if (in.size() < SIZE || !Arrays.equals(in.read(0, MAGIC.length, "magic").bytes(0, MAGIC.length, "magic"),
                MAGIC)) {
            throw new FormatException(FormatException.Kind.NOT_THIS_FORMAT, in.source(), 0,
                    "not a WIM: no MSWIM magic in a 208-byte header");
        }
        LeReader r = in.read(0, SIZE, "header");
        long headerSize = r.u32AsLong(HEADER_SIZE, "cbSize");
        if (headerSize != SIZE) {
            throw r.corrupt(HEADER_SIZE, "header size " + headerSize + ", expected " + SIZE);
        }
        int version = r.u32(VERSION, "dwVersion");
        if (version != VERSION_DEFAULT && version != VERSION_SOLID) {
            throw new FormatException(FormatException.Kind.UNSUPPORTED, in.source(), VERSION,
                    "WIM version 0x" + Integer.toHexString(version) + " (known: 0x10d00, 0xe00)");
        }
        int flags = r.u32(FLAGS, "dwFlags");
        int part = r.u16(PART_NUMBER, "usPartNumber");
        int parts = r.u16(TOTAL_PARTS, "usTotalParts");
        if ((flags & FLAG_SPANNED) != 0 || part != 1 || parts != 1) {
            throw new FormatException(FormatException.Kind.UNSUPPORTED, in.source(), PART_NUMBER,
                    "part " + part + " of a split WIM of " + parts + " parts");
        }
        WimCompression compression = compression(r, flags);
        long chunkSize = r.u32AsLong(CHUNK_SIZE, "dwCompressionSize");
        if (chunkSize == 0) {
            chunkSize = DEFAULT_CHUNK_SIZE; // old WIMs leave it 0: 32 KiB
        }
        if (compression != WimCompression.NONE
                && (Long.bitCount(chunkSize) != 1 || chunkSize < MIN_CHUNK_SIZE || chunkSize > MAX_CHUNK_SIZE)) {
            throw r.corrupt(CHUNK_SIZE, "chunk size " + chunkSize + " is not a power of 2 from 4 KiB to 64 MiB");
        }
        long imageCount = r.u32AsLong(IMAGE_COUNT, "dwImageCount");
        if (imageCount > Integer.MAX_VALUE) {
            throw r.corrupt(IMAGE_COUNT, "image count " + imageCount);
        }
        return new WimHeader(version, flags, compression, (int) chunkSize, (int) imageCount,
                ResourceHeader.read(r, BLOB_TABLE, "blob table header"),
                ResourceHeader.read(r, XML_DATA, "XML data header"),
                ResourceHeader.read(r, BOOT_METADATA, "boot metadata header"),
                r.u32(BOOT_INDEX, "dwBootIndex"),
                ResourceHeader.read(r, INTEGRITY, "integrity table header"));
    }

    private static WimCompression compression(LeReader r, int flags) throws FormatException {
        if ((flags & FLAG_COMPRESSION) == 0) {
            return WimCompression.NONE;
        }
        WimCompression found = null;
        for (WimCompression c : WimCompression.values()) {
            if (c != WimCompression.NONE && (flags & c.headerFlag()) != 0) {
                if (found != null) {
                    throw r.corrupt(FLAGS, "flags 0x" + Integer.toHexString(flags) + " name two compressions");
                }
                found = c;
            }
        }
        if (found == null) {
            throw new FormatException(FormatException.Kind.UNSUPPORTED, r.source(), FLAGS, "flags 0x"
                    + Integer.toHexString(flags) + ": compressed, with no compression we know (XPRESS, LZX, LZMS)");
        }
        return found;
    }
}
