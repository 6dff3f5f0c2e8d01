package dev.patchchain.formats.pe;

import dev.patchchain.formats.io.LeReader;
import java.io.IOException;

/**
 * One 16-byte {@code IMAGE_RESOURCE_DATA_ENTRY}: where a resource's bytes are (PE format spec, ".rsrc Section").
 *
 * @param language the language id of the directory entry that led here
 * @param dataRva  RVA of the resource bytes (an RVA, unlike every other offset in the tree)
 * @param size     their size in bytes
 */
record ResourceDataEntry(int language, long dataRva, long size) {

    private static final int SIZE = 16;
    private static final int OFFSET_TO_DATA = 0;
    private static final int DATA_SIZE = 4;

    static ResourceDataEntry read(PeInput in, PeHeaders headers, long offset, int language) throws IOException {
        long at = headers.fileOffset(in, headers.resourceRva() + offset, SIZE, "resource data entry");
        LeReader entry = in.read(at, SIZE, "resource data entry");
        return new ResourceDataEntry(language, entry.u32AsLong(OFFSET_TO_DATA, "resource data RVA"),
                entry.u32AsLong(DATA_SIZE, "resource data size"));
    }
}
