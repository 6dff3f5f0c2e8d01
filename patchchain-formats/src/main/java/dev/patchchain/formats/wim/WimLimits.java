package dev.patchchain.formats.wim;

/**
 * What a WIM may make us do. Exceeding a limit is {@code UNSUPPORTED}, not {@code CORRUPT}: the file may be valid,
 * just larger than we agreed to read.
 *
 * @param maxEntries       the most directory entries read from one image, and the most blob table entries
 * @param maxMetadataBytes the largest metadata resource (an image's directory tree) expanded
 * @param maxFileBytes     the largest file whose bytes are returned
 */
public record WimLimits(int maxEntries, int maxMetadataBytes, int maxFileBytes) {

    /** One million entries, 256 MiB of metadata, 256 MiB per file returned. */
    public static final WimLimits DEFAULT = new WimLimits(1_000_000, 256 << 20, 256 << 20);

    /**
     * @return how many characters all of an image's paths may hold together: a quarter of
     *         {@link #maxMetadataBytes()} (64 Mi by default). Each entry keeps its full path, so a small tree of deep,
     *         long names would otherwise fill the heap.
     */
    public long maxTotalPathChars() {
        return maxMetadataBytes / 4L;
    }

    /** Requires positive limits. */
    public WimLimits {
        if (maxEntries <= 0 || maxMetadataBytes <= 0 || maxFileBytes <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
