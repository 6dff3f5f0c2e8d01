package dev.patchchain.formats.wim;

import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.io.LeReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The blob table ({@code docs/formats/wim.md#blob-table}): every blob by its SHA-1, the images' metadata resources
 * in image order, and the solid resources that blobs may live in.
 */
final class BlobTable {

    private final Map<Sha1, BlobEntry> byHash;
    private final List<BlobEntry> metadata;
    private final List<ResourceHeader> solidResources;

    private BlobTable(Map<Sha1, BlobEntry> byHash, List<BlobEntry> metadata, List<ResourceHeader> solidResources) {
        this.byHash = byHash;
        this.metadata = metadata;
        this.solidResources = solidResources;
    }

    static BlobTable read(byte[] table, WimHeader header, String source, WimLimits limits) throws IOException {
        long offset = header.blobTable().offset();
        if (table.length % BlobEntry.SIZE != 0) {
            throw new FormatException(FormatException.Kind.CORRUPT, source, offset, "blob table of "
                    + table.length + " bytes is not a whole number of " + BlobEntry.SIZE + "-byte entries");
        }
        int count = table.length / BlobEntry.SIZE;
        if (count > limits.maxEntries()) {
            throw new FormatException(FormatException.Kind.UNSUPPORTED, source, offset, "blob table of " + count
                    + " entries is over the limit of " + limits.maxEntries());
        }
        LeReader r = LeReader.of(source + " blob table", table);
        Map<Sha1, BlobEntry> byHash = new HashMap<>();
        List<BlobEntry> metadata = new ArrayList<>();
        List<ResourceHeader> solid = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            BlobEntry e = BlobEntry.read(r, i * BlobEntry.SIZE, solid.size() - 1);
            if (e.describesSolidResource()) {
                solid.add(e.resource());
                continue;
            }
            if (e.resource().has(ResourceHeader.SOLID) && solid.isEmpty()) {
                throw r.corrupt((long) i * BlobEntry.SIZE, "blob " + e.sha1() + " is in a solid resource, but no "
                        + "solid resource comes before it in the blob table");
            }
            if (e.resource().has(ResourceHeader.METADATA)) {
                metadata.add(e);
            } else {
                byHash.putIfAbsent(e.sha1(), e);
            }
        }
        if (metadata.size() != header.imageCount()) {
            throw new FormatException(FormatException.Kind.CORRUPT, source, offset, "the header counts "
                    + header.imageCount() + " images but the blob table has " + metadata.size()
                    + " metadata resources");
        }
        return new BlobTable(byHash, List.copyOf(metadata), List.copyOf(solid));
    }

    BlobEntry blob(Sha1 hash) {
        return byHash.get(hash);
    }

    BlobEntry metadata(int image) {
        return metadata.get(image - 1);
    }

    ResourceHeader solidResource(int index) {
        return solidResources.get(index);
    }
}
