package dev.patchchain.formats.regf;

import dev.patchchain.formats.FormatException;
import java.nio.charset.StandardCharsets;

/**
 * The values of one key node in a {@link HiveImage}: finds a {@code vk} by name, adds a new one (growing the values
 * list into a new cell when the old one is full) and removes one (freeing the list when it empties, as Windows
 * does). The key node and its values were checked by a strict {@link RegfKey#values()} before.
 */
final class KeyValueList {

    private final HiveImage image;
    private final CellAllocator cells;
    /** File offset of the key node's cell data. */
    private final long nk;

    KeyValueList(HiveImage image, CellAllocator cells, int keyRef) {
        this.image = image;
        this.cells = cells;
        this.nk = HiveImage.abs(keyRef) + 4;
    }

    int count() throws FormatException {
        return image.u32(nk + KeyNode.VALUE_COUNT, "key node value count");
    }

    private int listRef() throws FormatException {
        return image.u32(nk + KeyNode.VALUE_LIST, "key node value list");
    }

    /**
     * @param index a list position below {@link #count()}
     * @return the {@code vk} cell reference there
     * @throws FormatException if the list cannot be read
     */
    int valueRef(int index) throws FormatException {
        return image.u32(HiveImage.abs(listRef()) + 4 + 4L * index, "values list element");
    }

    /**
     * @param name a value name, any case
     * @return its list position, or -1
     * @throws FormatException if a {@code vk} cannot be read
     */
    int find(String name) throws FormatException {
        for (int i = 0, n = count(); i < n; i++) {
            if (name(valueRef(i)).equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    private String name(int vkRef) throws FormatException {
        long vk = HiveImage.abs(vkRef) + 4;
        int length = image.u16(vk + ValueKey.NAME_LENGTH, "key value name length");
        int flags = image.u16(vk + ValueKey.FLAGS, "key value flags");
        return KeyNode.decodeName(image.bytes(vk + ValueKey.NAME, length, "key value name"),
                (flags & ValueKey.COMP_NAME) != 0);
    }

    /**
     * Appends a value to the list.
     *
     * @param vkRef the new {@code vk} cell
     * @throws FormatException       if the old list cannot be read
     * @throws RefusedWriteException if the hive cannot grow
     */
    void add(int vkRef) throws FormatException, RefusedWriteException {
        int count = count();
        int list = count == 0 ? Cells.NONE : listRef();
        if (list == Cells.NONE || cells.capacity(list) < 4 * (count + 1)) {
            int grown = cells.allocate(4 * (count + 1));
            if (count > 0) {
                image.put(HiveImage.abs(grown) + 4, image.bytes(HiveImage.abs(list) + 4, 4 * count, "values list"));
                cells.free(list);
            }
            image.put32(nk + KeyNode.VALUE_LIST, grown);
            list = grown;
        }
        image.put32(HiveImage.abs(list) + 4 + 4L * count, vkRef);
        image.put32(nk + KeyNode.VALUE_COUNT, count + 1);
    }

    /**
     * Removes a value from the list (its cells are the caller's to free).
     *
     * @param index its list position
     * @throws FormatException if the list cannot be read
     */
    void remove(int index) throws FormatException {
        int count = count();
        int list = listRef();
        long elements = HiveImage.abs(list) + 4;
        if (count == 1) {
            cells.free(list);
            image.put32(nk + KeyNode.VALUE_LIST, Cells.NONE);
        } else if (index < count - 1) {
            image.put(elements + 4L * index, image.bytes(elements + 4L * (index + 1), 4 * (count - 1 - index),
                    "values list"));
        }
        image.put32(nk + KeyNode.VALUE_COUNT, count - 1);
    }

    /**
     * @param name the value name: Latin-1 (flag {@code VALUE_COMP_NAME}) when every character fits, else UTF-16LE
     * @param type the registry type
     * @param data where its data is
     * @return the new {@code vk} cell
     * @throws FormatException       if a hive bin cannot be walked
     * @throws RefusedWriteException if the hive cannot grow
     */
    int newValueKey(String name, int type, ValueDataStore.Location data)
            throws FormatException, RefusedWriteException {
        boolean latin1 = name.chars().allMatch(c -> c < 0x100);
        byte[] stored = name.getBytes(latin1 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_16LE);
        int ref = cells.allocate(ValueKey.NAME + stored.length);
        long vk = HiveImage.abs(ref) + 4;
        image.put16(vk, Cell.signature("vk"));
        image.put16(vk + ValueKey.NAME_LENGTH, stored.length);
        image.put32(vk + ValueKey.DATA_SIZE, data.sizeField());
        image.put32(vk + ValueKey.DATA_OFFSET, data.offsetField());
        image.put32(vk + ValueKey.TYPE, type);
        image.put16(vk + ValueKey.FLAGS, latin1 ? ValueKey.COMP_NAME : 0);
        image.put(vk + ValueKey.NAME, stored);
        return ref;
    }
}
