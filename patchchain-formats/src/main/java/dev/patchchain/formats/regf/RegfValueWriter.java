package dev.patchchain.formats.regf;

import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.io.LeReader;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * Sets, creates or deletes one value of an existing key in a hive image held in memory, leaving the hive clean. The
 * input is read strictly first; a dirty input (sequence numbers differ, bad checksum) is refused. Data is written in
 * place when it fits the old data cell, resident when at most 4 bytes, as big data over 16344 bytes (version 1.4+),
 * otherwise in a new cell (a free cell reused, or a new hive bin); cells no longer used are freed. The key's and the
 * base block's last written timestamps become {@code now}; both sequence numbers go up by one; the checksum is
 * recomputed. See {@code docs/formats/regf.md#writing}.
 *
 * <pre>{@code
 * HiveEdit edit = RegfValueWriter.apply(Files.readAllBytes(system), "SYSTEM",
 *         ValueChange.set("ControlSet001\\Control\\Session Manager", "PendingFileRenameOperations", 7, multiSz),
 *         Instant.now());
 * }</pre>
 *
 * <p>Use {@link HiveFileUpdate} to write a hive file: it keeps a backup and verifies before replacing the file.
 */
public final class RegfValueWriter {

    /** Key node: largest value name length, in bytes of UTF-16 ([S] "Key node"). */
    static final int NK_LARGEST_VALUE_NAME = 60;
    /** Key node: largest value data size, in bytes. */
    static final int NK_LARGEST_VALUE_DATA = 64;
    /** The longest value name Windows accepts, in characters. */
    static final int MAX_VALUE_NAME = 16383;
    private static final long FILETIME_EPOCH_SECONDS = 11_644_473_600L;

    private RegfValueWriter() {
    }

    /**
     * @param hive   a clean hive file's bytes (not changed)
     * @param source its name, for messages
     * @param change what to set or delete
     * @param now    the last written timestamp to record
     * @return the new hive file and the ranges that changed; a delete of an absent value changes nothing
     * @throws FormatException       if the hive is damaged, not a hive or unsupported
     * @throws RefusedWriteException if the hive is dirty, the key is missing or the value is too large
     */
    public static HiveEdit apply(byte[] hive, String source, ValueChange change, Instant now) throws IOException {
        RegfHive read = RegfHive.read(hive, source, RegfOptions.STRICT);
        BaseBlock base = BaseBlock.read(LeReader.of(source, hive), 0);
        if (read.dirty()) {
            throw new RefusedWriteException(source + ": dirty hive (primary sequence "
                    + Integer.toUnsignedString(base.primarySequence()) + ", secondary "
                    + Integer.toUnsignedString(base.secondarySequence()) + ", checksum "
                    + (base.checksumValid() ? "valid" : "bad") + "): replay its transaction logs first");
        }
        if (change.name().length() > MAX_VALUE_NAME) {
            throw new RefusedWriteException(source + ": value name of " + change.name().length()
                    + " characters exceeds " + MAX_VALUE_NAME);
        }
        RegfKey key = read.key(change.keyPath()).orElseThrow(() -> new RefusedWriteException(source + ": no key '"
                + change.keyPath() + "' (keys are not created)"));
        key.values(); // strict: the values list, every vk and its data are checked before anything is written
        HiveImage image = new HiveImage(hive, source, base.hiveBinsSize());
        CellAllocator cells = new CellAllocator(image);
        ValueDataStore store = new ValueDataStore(image, cells, base.minorVersion());
        KeyValueList values = new KeyValueList(image, cells, key.ref());
        int index = values.find(change.name());
        if (change.isDelete()) {
            if (index < 0) {
                return new HiveEdit(hive, List.of());
            }
            int vkRef = values.valueRef(index);
            values.remove(index);
            store.free(location(image, vkRef));
            cells.free(vkRef);
        } else if (index < 0) {
            values.add(values.newValueKey(change.name(), change.type(), store.store(change.data())));
        } else {
            replaceData(image, store, values.valueRef(index), change);
        }
        long nk = HiveImage.abs(key.ref()) + 4;
        if (!change.isDelete()) {
            raise(image, nk + NK_LARGEST_VALUE_NAME, 2 * change.name().length());
            raise(image, nk + NK_LARGEST_VALUE_DATA, change.data().length);
        }
        long fileTime = fileTime(now);
        image.put64(nk + KeyNode.LAST_WRITTEN, fileTime);
        commitBaseBlock(image, base, fileTime);
        return new HiveEdit(image.toByteArray(), image.changes());
    }

    private static void replaceData(HiveImage image, ValueDataStore store, int vkRef, ValueChange change)
            throws IOException {
        long vk = HiveImage.abs(vkRef) + 4;
        ValueDataStore.Location old = location(image, vkRef);
        byte[] data = change.data();
        ValueDataStore.Location now;
        if (store.fitsInPlace(old, data)) {
            now = store.overwrite(old, data);
        } else {
            now = store.store(data); // allocated before the old data is freed, so it cannot land on it
            store.free(old);
        }
        image.put32(vk + ValueKey.DATA_SIZE, now.sizeField());
        image.put32(vk + ValueKey.DATA_OFFSET, now.offsetField());
        image.put32(vk + ValueKey.TYPE, change.type());
    }

    private static ValueDataStore.Location location(HiveImage image, int vkRef) throws FormatException {
        long vk = HiveImage.abs(vkRef) + 4;
        return new ValueDataStore.Location(image.u32(vk + ValueKey.DATA_SIZE, "key value data size"),
                image.u32(vk + ValueKey.DATA_OFFSET, "key value data offset"));
    }

    private static void raise(HiveImage image, long abs, int atLeast) throws FormatException {
        if (Integer.compareUnsigned(image.u32(abs, "key node largest value field"), atLeast) < 0) {
            image.put32(abs, atLeast);
        }
    }

    /** Both sequence numbers up by one together (the hive stays clean), timestamp, then the checksum. */
    private static void commitBaseBlock(HiveImage image, BaseBlock base, long fileTime) throws FormatException {
        image.put32(BaseBlock.PRIMARY_SEQUENCE, base.primarySequence() + 1);
        image.put32(BaseBlock.SECONDARY_SEQUENCE, base.secondarySequence() + 1);
        image.put64(BaseBlock.LAST_WRITTEN, fileTime);
        image.put32(BaseBlock.CHECKSUM, BaseBlock.checksum(image.reader(), 0));
    }

    private static long fileTime(Instant t) {
        return (t.getEpochSecond() + FILETIME_EPOCH_SECONDS) * 10_000_000L + t.getNano() / 100;
    }
}
