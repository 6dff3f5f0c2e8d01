package dev.patchchain.formats.wim;

import java.util.List;

/**
 * A file or directory of a WIM image, as its directory entry declares it.
 *
 * <pre>{@code
 * WimEntry{path=Windows\System32\ntdll.dll, directory=false, attributes=0x20, size=2_000_000, sha1=3f7a...,
 *          hardLinkGroup=0, reparseTag=0, reparseSize=0, namedStreams=[]}
 * }</pre>
 *
 * @param path          its path from the image's root, names separated by {@code \}, e.g. {@code a\b.txt}
 * @param directory     whether it is a directory
 * @param attributes    its Windows file attributes ({@code 0x10} directory, {@code 0x400} reparse point, ...)
 * @param size          the size of its unnamed data stream (0 for a directory or an empty file)
 * @param sha1          the SHA-1 of that stream, lower-case hex, as the blob table names it; all zeros when empty
 * @param hardLinkGroup the same non-zero value for all names of one hard-linked file; 0 otherwise
 * @param reparseTag    for a reparse point (attribute {@code 0x400}), its tag, e.g. {@code 0xA000000C} for a
 *                      symbolic link; 0 otherwise
 * @param reparseSize   for a reparse point, the size of its reparse data; 0 otherwise
 * @param namedStreams  the names of its named data streams (NTFS alternate data streams)
 */
public record WimEntry(String path, boolean directory, int attributes, long size, String sha1, long hardLinkGroup,
                       int reparseTag, long reparseSize, List<String> namedStreams) {

    /** Copies the list. */
    public WimEntry {
        namedStreams = List.copyOf(namedStreams);
    }

    /** @return the last name of the path */
    public String name() {
        return path.substring(path.lastIndexOf('\\') + 1);
    }
}
