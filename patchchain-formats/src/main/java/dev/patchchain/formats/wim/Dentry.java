package dev.patchchain.formats.wim;

import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.io.LeReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One directory entry of an image's metadata resource ({@code DIRENTRY}, 102 bytes and more;
 * {@code docs/formats/wim.md#directory-entry}), with its extra stream entries. Offsets are from the start of the
 * expanded metadata resource.
 *
 * @param offset        where it starts
 * @param next          where its next sibling (or the end-of-directory mark) starts
 * @param attributes    the Windows file attributes
 * @param subdirOffset  where the list of its children starts (0: none)
 * @param unnamedStream the SHA-1 of its unnamed data stream (zero: empty)
 * @param reparseData   for a reparse point, the SHA-1 of its reparse data; zero otherwise
 * @param linkGroup     its hard-link group (0: not hard-linked; also 0 for a reparse point)
 * @param reparseTag    its reparse tag, for a reparse point; 0 otherwise
 * @param name          its long name
 * @param namedStreams  its named data streams
 */
record Dentry(long offset, long next, int attributes, long subdirOffset, Sha1 unnamedStream, Sha1 reparseData,
              long linkGroup, int reparseTag, String name, List<NamedStream> namedStreams) {

    static final int ATTRIBUTE_DIRECTORY = 0x10;
    static final int ATTRIBUTE_REPARSE_POINT = 0x400;

    private static final int LENGTH = 0x00;
    private static final int ATTRIBUTES = 0x08;
    private static final int SUBDIR_OFFSET = 0x10;
    private static final int DEFAULT_HASH = 0x40;
    private static final int REPARSE_TAG = 0x58;
    private static final int HARD_LINK_GROUP = 0x58;
    private static final int STREAM_COUNT = 0x60;
    private static final int SHORT_NAME_BYTES = 0x62;
    private static final int NAME_BYTES = 0x64;
    private static final int NAME = 0x66;
    private static final int FIXED = NAME;

    private static final int STREAM_LENGTH = 0x00;
    private static final int STREAM_HASH = 0x10;
    private static final int STREAM_NAME_BYTES = 0x24;
    private static final int STREAM_NAME = 0x26;

    /**
     * A named data stream (an NTFS alternate data stream).
     *
     * @param name its name
     * @param hash the SHA-1 of its bytes
     */
    record NamedStream(String name, Sha1 hash) {
    }

    /** @return the length field at {@code at}: 0 marks the end of a directory's list */
    static long length(LeReader r, long at) throws FormatException {
        return r.u64(checkedInt(r, at), "directory entry length");
    }

    static Dentry read(LeReader r, long at) throws FormatException {
        int base = checkedInt(r, at);
        long length = r.u64(base + LENGTH, "directory entry length");
        if (length < FIXED || length > r.size() - (long) base) {
            throw r.corrupt(at, "directory entry length " + length + " (at least " + FIXED + ", at most the "
                    + (r.size() - (long) base) + " bytes that remain)");
        }
        int attributes = r.u32(base + ATTRIBUTES, "attributes");
        long subdir = r.u64(base + SUBDIR_OFFSET, "subdirectory offset");
        Sha1 defaultHash = new Sha1(r.bytes(base + DEFAULT_HASH, Sha1.SIZE, "default stream hash"));
        boolean reparse = (attributes & ATTRIBUTE_REPARSE_POINT) != 0;
        int reparseTag = reparse ? r.u32(base + REPARSE_TAG, "reparse tag") : 0;
        long linkGroup = reparse ? 0 : r.u64(base + HARD_LINK_GROUP, "hard link group");
        int streams = r.u16(base + STREAM_COUNT, "stream count");
        int shortNameBytes = r.u16(base + SHORT_NAME_BYTES, "short name length");
        int nameBytes = r.u16(base + NAME_BYTES, "name length");
        long namesEnd = FIXED + terminated(nameBytes) + terminated(shortNameBytes);
        if (nameBytes % 2 != 0 || shortNameBytes % 2 != 0 || namesEnd > length) {
            throw r.corrupt(at, "names of " + nameBytes + " and " + shortNameBytes + " bytes (even, and within the "
                    + "entry's " + length + " bytes)");
        }
        String name = new String(r.bytes(base + NAME, nameBytes, "name"), StandardCharsets.UTF_16LE);
        long p = align8(at + length);
        List<NamedStream> named = new ArrayList<>();
        List<Sha1> unnamed = new ArrayList<>();
        for (int i = 0; i < streams; i++) {
            int s = checkedInt(r, p);
            long streamLength = r.u64(s + STREAM_LENGTH, "stream entry length");
            int streamNameBytes = r.u16(s + STREAM_NAME_BYTES, "stream name length");
            if (streamLength < STREAM_NAME || streamLength > r.size() - (long) s
                    || streamNameBytes % 2 != 0 || STREAM_NAME + (long) streamNameBytes > streamLength) {
                throw r.corrupt(p, "stream entry " + i + " of " + length + " bytes with a name of "
                        + streamNameBytes + " bytes");
            }
            Sha1 streamHash = new Sha1(r.bytes(s + STREAM_HASH, Sha1.SIZE, "stream hash"));
            if (streamNameBytes == 0) {
                unnamed.add(streamHash);
            } else {
                named.add(new NamedStream(new String(r.bytes(s + STREAM_NAME, streamNameBytes, "stream name"),
                        StandardCharsets.UTF_16LE), streamHash));
            }
            p = align8(p + streamLength);
        }
        // With extra entries, the unnamed streams are there (the default hash is then zero): for a reparse point the
        // first is its reparse data and the second its data; otherwise the first is its data.
        if (!defaultHash.isZero()) {
            unnamed.add(0, defaultHash);
        }
        Sha1 first = unnamed.isEmpty() ? Sha1.ZERO : unnamed.get(0);
        Sha1 second = unnamed.size() < 2 ? Sha1.ZERO : unnamed.get(1);
        return new Dentry(at, p, attributes, subdir, reparse ? second : first, reparse ? first : Sha1.ZERO, linkGroup,
                reparseTag, name, List.copyOf(named));
    }

    boolean isDirectory() {
        return (attributes & ATTRIBUTE_DIRECTORY) != 0 && (attributes & ATTRIBUTE_REPARSE_POINT) == 0;
    }

    static long align8(long n) {
        return (n + 7) & ~7L;
    }

    private static long terminated(int nameBytes) {
        return nameBytes == 0 ? 0 : nameBytes + 2L;
    }

    private static int checkedInt(LeReader r, long at) throws FormatException {
        if (at < 0 || at > r.size()) {
            throw r.corrupt(Math.max(at, 0), "offset 0x" + Long.toHexString(at) + " is beyond the metadata's "
                    + r.size() + " bytes");
        }
        return (int) at;
    }
}
