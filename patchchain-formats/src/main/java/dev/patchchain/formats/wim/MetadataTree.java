package dev.patchchain.formats.wim;

import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.io.LeReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An image's expanded metadata resource ({@code docs/formats/wim.md#metadata-resource}): the security data, then the
 * root directory entry at the next multiple of 8, then every directory's list of children, each list ended by an
 * 8-byte zero. The walk is bounded: each list is read once, the depth is limited and so is the number of entries.
 */
final class MetadataTree {

    static final int MAX_DEPTH = 512;
    /** The longest path read (Windows' own limit, in UTF-16 units). */
    static final int MAX_PATH_CHARS = 32_767;

    private static final int SECURITY_LENGTH = 0x00;
    private static final int SECURITY_COUNT = 0x04;
    private static final int SECURITY_SIZES = 0x08;

    private final LeReader r;
    private final BlobTable blobs;
    private final int maxEntries;
    private final long maxTotalPathChars;
    private final List<WimEntry> entries = new ArrayList<>();
    private final Set<Long> lists = new HashSet<>();
    private long pathChars;

    private MetadataTree(LeReader r, BlobTable blobs, WimLimits limits) {
        this.r = r;
        this.blobs = blobs;
        this.maxEntries = limits.maxEntries();
        this.maxTotalPathChars = limits.maxTotalPathChars();
    }

    static WimImage read(int index, LeReader r, BlobTable blobs, WimLimits limits) throws FormatException {
        MetadataTree tree = new MetadataTree(r, blobs, limits);
        Dentry root = Dentry.read(r, rootOffset(r));
        if (!root.isDirectory() || !root.name().isEmpty()) {
            throw r.corrupt(root.offset(), "the root entry is not an unnamed directory (attributes 0x"
                    + Integer.toHexString(root.attributes()) + ", name \"" + root.name() + "\")");
        }
        tree.children(root, "", 1);
        return new WimImage(index, tree.entries);
    }

    private static long rootOffset(LeReader r) throws FormatException {
        long length = r.u32AsLong(SECURITY_LENGTH, "security data length");
        long count = r.u32AsLong(SECURITY_COUNT, "security descriptor count");
        if (length < SECURITY_SIZES || length > r.size() || count > (length - SECURITY_SIZES) / 8) {
            throw r.corrupt(SECURITY_LENGTH, "security data of " + length + " bytes with " + count
                    + " descriptors in a metadata resource of " + r.size() + " bytes");
        }
        return Dentry.align8(length);
    }

    private void children(Dentry dir, String prefix, int depth) throws FormatException {
        if (dir.subdirOffset() == 0) {
            return;
        }
        if (depth > MAX_DEPTH) {
            throw r.corrupt(dir.offset(), "directories nested deeper than " + MAX_DEPTH);
        }
        if (!lists.add(dir.subdirOffset())) {
            throw r.corrupt(dir.offset(), "the children list at 0x" + Long.toHexString(dir.subdirOffset())
                    + " belongs to a second directory (a loop or a shared list)");
        }
        long at = dir.subdirOffset();
        while (Dentry.length(r, at) != 0) {
            Dentry d = Dentry.read(r, at);
            String name = checkedName(d);
            if ((long) prefix.length() + name.length() > MAX_PATH_CHARS) {
                throw new FormatException(FormatException.Kind.UNSUPPORTED, r.source(), d.offset(),
                        "a path longer than " + MAX_PATH_CHARS + " characters");
            }
            String path = prefix + name;
            pathChars += path.length();
            if (pathChars > maxTotalPathChars) {
                throw new FormatException(FormatException.Kind.UNSUPPORTED, r.source(), d.offset(),
                        "the image's paths total more than " + maxTotalPathChars + " characters");
            }
            if (entries.size() >= maxEntries) {
                throw new FormatException(FormatException.Kind.UNSUPPORTED, r.source(), d.offset(),
                        "more than " + maxEntries + " directory entries in the image");
            }
            entries.add(entry(d, path));
            if (d.isDirectory()) {
                children(d, path + "\\", depth + 1);
            }
            at = d.next();
        }
    }

    private WimEntry entry(Dentry d, String path) throws FormatException {
        return new WimEntry(path, d.isDirectory(), d.attributes(), size(d, d.unnamedStream(), path),
                d.unnamedStream().toString(), d.linkGroup(), d.reparseTag(), size(d, d.reparseData(), path),
                d.namedStreams().stream().map(Dentry.NamedStream::name).toList());
    }

    private long size(Dentry d, Sha1 stream, String path) throws FormatException {
        if (stream.isZero()) {
            return 0;
        }
        BlobEntry blob = blobs.blob(stream);
        if (blob == null) {
            throw r.corrupt(d.offset(), path + ": its data, SHA-1 " + stream + ", is not in the blob table");
        }
        return blob.size();
    }

    private String checkedName(Dentry d) throws FormatException {
        String name = d.name();
        if (name.isEmpty() || name.equals(".") || name.equals("..") || name.indexOf('\\') >= 0
                || name.indexOf('/') >= 0 || name.indexOf('\0') >= 0) {
            throw r.corrupt(d.offset(), "entry name \"" + name + "\" is empty, a dot name or holds \\, / or NUL");
        }
        return name;
    }
}
