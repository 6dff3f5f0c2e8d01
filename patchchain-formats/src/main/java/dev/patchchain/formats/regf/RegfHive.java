package dev.patchchain.formats.regf;

import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.io.LeReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A Windows NT registry hive file ({@code regf}, versions 1.3 to 1.6), opened read-only. The file is memory-mapped,
 * never copied and never written; a dirty hive (sequence numbers differ, or a bad base block checksum) is
 * recovered in memory from the transaction logs beside it ({@code NAME.LOG1}, {@code NAME.LOG2},
 * {@code NAME.LOG}, any case), and only then copied.
 *
 * <pre>{@code
 * try (RegfHive hive = RegfHive.open(Path.of("SYSTEM"), RegfOptions.STRICT)) {
 *     if (hive.dirty() && !hive.logsApplied()) System.err.println(hive.warnings());
 *     Optional<RegfKey> select = hive.key("Select");
 * }
 * }</pre>
 *
 * <p>Strict mode fails with a {@link FormatException} (NOT_THIS_FORMAT, CORRUPT or UNSUPPORTED, naming the
 * structure and its file offset) at the first damaged structure; lenient mode skips it and adds a warning.
 * A hive and its keys are meant for one thread at a time.
 */
public final class RegfHive implements AutoCloseable {

    static final int MAJOR_VERSION = 1;
    static final int MIN_MINOR_VERSION = 3;
    static final int MAX_MINOR_VERSION = 6;
    static final int FILE_FORMAT_DIRECT_MEMORY_LOAD = 1;

    private final BaseBlock base;
    private final RegfKey root;
    private final Leniency leniency;
    private final boolean dirty;
    private final LogRecovery recovery;

    private RegfHive(BaseBlock base, RegfKey root, Leniency leniency, boolean dirty, LogRecovery recovery) {
        this.base = base;
        this.root = root;
        this.leniency = leniency;
        this.dirty = dirty;
        this.recovery = recovery;
    }

    /**
     * Opens a hive file, replaying its transaction logs in memory when it is dirty (unless
     * {@link RegfOptions#withoutLogs()}).
     *
     * @param file    the primary hive file
     * @param options strict or lenient, logs or not
     * @return the open hive
     * @throws FormatException if the file is not a hive, is damaged (strict) or is an unsupported variant
     * @throws IOException     if the file cannot be read
     */
    public static RegfHive open(Path file, RegfOptions options) throws IOException {
        ByteBuffer mapped;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (channel.size() > Integer.MAX_VALUE) {
                throw new FormatException(FormatException.Kind.UNSUPPORTED, file.toString(), -1,
                        "file of " + channel.size() + " bytes exceeds the 2 GiB a hive can address");
            }
            mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
        }
        String source = String.valueOf(file.getFileName());
        Leniency leniency = new Leniency(options.lenient());
        BaseBlock base = BaseBlock.read(LeReader.of(source, mapped, 0), 0);
        boolean dirty = !base.checksumValid() || !base.sequencesMatch();
        LogRecovery recovery = LogRecovery.NONE;
        ByteBuffer hive = mapped;
        if (dirty && options.useLogs()) {
            recovery = LogReplay.replay(mapped, base, source, TransactionLogs.beside(file), leniency);
            if (recovery.applied()) {
                hive = ByteBuffer.wrap(recovery.recovered());
                base = BaseBlock.read(LeReader.of(source, hive, 0), 0);
            }
        }
        return build(hive, source, base, leniency, dirty, recovery);
    }

    /**
     * Reads a hive held in memory, without logs (for tests and fuzzing).
     *
     * @param hive    the hive file's bytes (not copied: do not change them while the hive is in use)
     * @param source  a name for messages
     * @param options strict or lenient
     * @return the hive
     * @throws FormatException as {@link #open(Path, RegfOptions)}
     */
    public static RegfHive read(byte[] hive, String source, RegfOptions options) throws FormatException {
        ByteBuffer buffer = ByteBuffer.wrap(hive);
        BaseBlock base = BaseBlock.read(LeReader.of(source, buffer, 0), 0);
        boolean dirty = !base.checksumValid() || !base.sequencesMatch();
        return build(buffer, source, base, new Leniency(options.lenient()), dirty, LogRecovery.NONE);
    }

    private static RegfHive build(ByteBuffer hive, String source, BaseBlock base, Leniency leniency, boolean dirty,
            LogRecovery recovery) throws FormatException {
        LeReader r = LeReader.of(source, hive, 0);
        if (base.majorVersion() != MAJOR_VERSION || base.minorVersion() < MIN_MINOR_VERSION
                || base.minorVersion() > MAX_MINOR_VERSION) {
            throw new FormatException(FormatException.Kind.UNSUPPORTED, source, BaseBlock.MAJOR_VERSION,
                    "hive format version " + base.majorVersion() + "." + base.minorVersion()
                            + " is not one of 1.3 to 1.6");
        }
        if (base.fileType() != BaseBlock.TYPE_PRIMARY || base.fileFormat() != FILE_FORMAT_DIRECT_MEMORY_LOAD) {
            throw new FormatException(FormatException.Kind.UNSUPPORTED, source, BaseBlock.FILE_TYPE,
                    "file type " + base.fileType() + ", format " + base.fileFormat()
                            + ": not a primary hive file (type 0, format 1)");
        }
        if (dirty && !recovery.applied()) {
            leniency.warn("DIRTY HIVE read without its transaction logs (" + recovery.why() + "): primary sequence "
                    + Integer.toUnsignedString(base.primarySequence()) + " != secondary "
                    + Integer.toUnsignedString(base.secondarySequence())
                    + (base.checksumValid() ? "" : ", bad base block checksum")
                    + "; recent changes may be missing, values may be stale");
            if (!base.checksumValid()) {
                leniency.tolerate(r.corrupt(BaseBlock.CHECKSUM, "base block checksum 0x"
                        + Integer.toHexString(base.storedChecksum()) + " should be 0x"
                        + Integer.toHexString(base.computedChecksum())));
            }
        }
        recovery.warnings().forEach(leniency::warn);
        int binsSize = hiveBinsSize(r, base, leniency);
        Cells cells = Cells.open(hive, source, binsSize, leniency);
        KeyReader reader = new KeyReader(cells, base.minorVersion(), binsSize, leniency);
        KeyNode rootNode = reader.keyNode(base.rootCell(), "root key");
        return new RegfHive(base, new RegfKey(reader, rootNode, null), leniency, dirty, recovery);
    }

    private static int hiveBinsSize(LeReader r, BaseBlock base, Leniency leniency) throws FormatException {
        long declared = base.hiveBinsSize() & 0xFFFFFFFFL;
        long available = r.size() - BaseBlock.SIZE;
        if (declared == 0 || declared % Cells.HBIN_ALIGNMENT != 0) {
            throw r.corrupt(BaseBlock.HIVE_BINS_SIZE, "hive bins data size " + declared
                    + " is not a positive multiple of 4096");
        }
        if (declared > available) {
            leniency.tolerate(r.corrupt(BaseBlock.HIVE_BINS_SIZE, "hive bins data size " + declared
                    + " exceeds the " + Math.max(0, available) + " bytes after the base block (truncated file)"));
            return (int) (Math.max(0, available) / Cells.HBIN_ALIGNMENT * Cells.HBIN_ALIGNMENT);
        }
        return (int) declared;
    }

    /** @return the root key */
    public RegfKey rootKey() {
        return root;
    }

    /**
     * @param path a key path below the root, {@code \}-separated, any case; {@code ""} is the root key
     * @return the key, if every part of the path exists
     * @throws FormatException if a key on the way is damaged (lenient mode: skipped with a warning)
     */
    public Optional<RegfKey> key(String path) throws FormatException {
        RegfKey key = root;
        for (String part : path.split("\\\\")) {
            if (part.isEmpty()) {
                continue;
            }
            Optional<RegfKey> next = key.subkey(part);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            key = next.get();
        }
        return Optional.of(key);
    }

    /** @return every defect tolerated so far (lenient mode) and every loud condition (dirty without logs) */
    public List<String> warnings() {
        return leniency.warnings();
    }

    /** @return true if the file on disk is dirty: its sequence numbers differ or its base block checksum is bad */
    public boolean dirty() {
        return dirty;
    }

    /** @return true if transaction log entries were replayed, in memory, to read this hive */
    public boolean logsApplied() {
        return recovery.applied();
    }

    /** @return the transaction logs whose entries or pages were replayed, in the order applied */
    public List<Path> logsUsed() {
        return recovery.logs();
    }

    /** @return the sequence number the hive was recovered up to (its primary sequence number when clean) */
    public long sequenceNumber() {
        return recovery.applied() ? recovery.sequence() : base.primarySequence() & 0xFFFFFFFFL;
    }

    /** @return the minor format version (3 to 6) */
    public int minorVersion() {
        return base.minorVersion();
    }

    /** @return the base block's last written timestamp */
    public Instant lastWritten() {
        return base.lastWritten();
    }

    /** Nothing to release: the mapping is dropped with this object; the file was closed after mapping it. */
    @Override
    public void close() {
        // The channel is closed in open(); a MappedByteBuffer has no explicit unmap in the JDK API.
    }
}
