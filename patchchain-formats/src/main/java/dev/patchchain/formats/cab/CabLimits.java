package dev.patchchain.formats.cab;

/**
 * What a cabinet may make us do: how many files it may list, how many bytes we expand from it in all, and how large
 * one file we hand out may be. Exceeding a limit is {@code UNSUPPORTED}, not {@code CORRUPT}: the input may be
 * valid, just larger than we agreed to read.
 *
 * @param maxFiles         the most CFFILE entries read
 * @param maxExpandedBytes the most bytes decompressed from one cabinet, over all folders
 * @param maxFileBytes     the largest file whose bytes are returned
 */
public record CabLimits(int maxFiles, long maxExpandedBytes, int maxFileBytes) {

    /** 65 535 files (the format's own bound), 4 GiB expanded, 256 MiB per file returned. */
    public static final CabLimits DEFAULT = new CabLimits(0xFFFF, 4L << 30, 256 << 20);

    /** Requires positive limits. */
    public CabLimits {
        if (maxFiles <= 0 || maxExpandedBytes <= 0 || maxFileBytes <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
