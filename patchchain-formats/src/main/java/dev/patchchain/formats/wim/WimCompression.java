package dev.patchchain.formats.wim;

/** How a WIM's compressed resources are compressed: the header flag that says so and whether we decode it. */
public enum WimCompression {
    /** Stored. */
    NONE(0, true),
    /** XPRESS with Huffman coding (MS-XCA "LZ77+Huffman"), chunks of at most 64 KiB. */
    XPRESS(0x0002_0000, true),
    /** LZX (the WIM variant: no E8 translation size field, chunks of up to 2 MiB). */
    LZX(0x0004_0000, true),
    /** LZMS: not decoded here; read through an external tool ({@link ExternalWimTool}) when there is one. */
    LZMS(0x0008_0000, false);

    private final int headerFlag;
    private final boolean decoded;

    WimCompression(int headerFlag, boolean decoded) {
        this.headerFlag = headerFlag;
        this.decoded = decoded;
    }

    int headerFlag() {
        return headerFlag;
    }

    /** @return whether this reader decodes it itself */
    public boolean decoded() {
        return decoded;
    }

    /**
     * @param format a solid resource's compression format field (1 XPRESS, 2 LZX, 3 LZMS)
     * @return the compression, or {@code null} for another value
     */
    static WimCompression ofSolidFormat(int format) {
        return switch (format) {
            case 0 -> NONE;
            case 1 -> XPRESS;
            case 2 -> LZX;
            case 3 -> LZMS;
            default -> null;
        };
    }
}
