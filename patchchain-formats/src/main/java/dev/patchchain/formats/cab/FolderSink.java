package dev.patchchain.formats.cab;

import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.io.RangeInput;
import java.util.List;
import java.util.Map;

/**
 * Copies a folder's expanded stream, block by block, into the wanted entries it overlaps. An entry's buffer is
 * allocated when the stream reaches it (its size already checked against {@link CabLimits#maxFileBytes()}).
 */
final class FolderSink {

    private final List<CabEntry> wanted;
    private final Map<CabEntry, byte[]> out;

    FolderSink(List<CabEntry> wanted, Map<CabEntry, byte[]> out) {
        this.wanted = wanted;
        this.out = out;
    }

    void accept(long position, byte[] bytes) {
        long blockEnd = position + bytes.length;
        for (CabEntry e : wanted) {
            long from = Math.max(position, e.folderOffset());
            long to = Math.min(blockEnd, e.folderOffset() + e.size());
            if (from >= to) {
                continue;
            }
            byte[] target = out.get(e);
            if (target == null) {
                target = new byte[(int) e.size()];
                out.put(e, target);
            }
            System.arraycopy(bytes, (int) (from - position), target, (int) (from - e.folderOffset()),
                    (int) (to - from));
        }
    }

    void requireComplete(long folderSize, RangeInput in, int folder) throws FormatException {
        for (CabEntry e : wanted) {
            if (e.folderOffset() + e.size() > folderSize) {
                throw in.corrupt(-1, e.name() + " needs bytes " + e.folderOffset() + " to " + (e.folderOffset()
                        + e.size()) + " of folder " + folder + ", which expands to " + folderSize + " bytes");
            }
            out.putIfAbsent(e, new byte[0]);
        }
    }
}
