package dev.patchchain.formats.regf;

import java.util.List;

/**
 * A hive file edited in memory by {@link RegfValueWriter}: the new file and the byte ranges in which it may differ
 * from the old one (the base block fields, the cells written, the hive bins appended).
 *
 * <pre>{@code
 * HiveEdit edit = RegfValueWriter.apply(bytes, "SYSTEM", change, Instant.now());
 * Files.write(out, edit.image());
 * }</pre>
 *
 * @param image   the new hive file
 * @param changes the ranges written, sorted, merged where they touch
 */
public record HiveEdit(byte[] image, List<ByteRange> changes) {

    /** Copies both. */
    public HiveEdit {
        image = image.clone();
        changes = List.copyOf(changes);
    }

    /** @return a copy of the new hive file */
    @Override
    public byte[] image() {
        return image.clone();
    }

    /**
     * @param offset a file offset
     * @return true if the edit may have changed the byte there
     */
    public boolean changed(long offset) {
        for (ByteRange r : changes) {
            if (r.contains(offset)) {
                return true;
            }
        }
        return false;
    }
}
