package dev.patchchain.formats.wim;

import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.io.LeReader;

/**
 * One blob (lookup) table entry (50 bytes; {@code docs/formats/wim.md#blob-table}): a resource and the SHA-1 of its
 * expanded bytes, by which directory entries refer to it.
 *
 * @param resource   where the blob lies; for a blob inside a solid resource, its place in the expanded solid data:
 *                   {@code offset} there, its size in {@code sizeInWim} and 0 in {@code originalSize}
 * @param partNumber the part of a split WIM holding it
 * @param refCount   how many directory entries refer to it
 * @param sha1       the SHA-1 of its expanded bytes
 * @param solidIndex for a blob inside a solid resource, the index of that resource among the file's solid
 *                   resources; -1 otherwise
 */
record BlobEntry(ResourceHeader resource, int partNumber, long refCount, Sha1 sha1, int solidIndex) {

    static final int SIZE = 50;
    /** The {@code originalSize} of an entry that describes a solid resource itself rather than a blob. */
    static final long SOLID_RESOURCE_MAGIC = 0x1_0000_0000L;

    private static final int PART_NUMBER = 0x18;
    private static final int REF_COUNT = 0x1A;
    private static final int HASH = 0x1E;

    static BlobEntry read(LeReader r, int at, int solidIndex) throws FormatException {
        ResourceHeader resource = ResourceHeader.read(r, at, "blob table entry");
        return new BlobEntry(resource, r.u16(at + PART_NUMBER, "blob part number"),
                r.u32AsLong(at + REF_COUNT, "blob reference count"),
                new Sha1(r.bytes(at + HASH, Sha1.SIZE, "blob hash")), solidIndex);
    }

    /** @return its expanded size (a blob in a solid resource keeps it in the size-in-file field) */
    long size() {
        return resource.has(ResourceHeader.SOLID) ? resource.sizeInWim() : resource.originalSize();
    }

    boolean describesSolidResource() {
        return resource.has(ResourceHeader.SOLID) && resource.originalSize() == SOLID_RESOURCE_MAGIC;
    }
}
