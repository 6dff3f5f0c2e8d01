package dev.patchchain.formats.cab;

import dev.patchchain.formats.io.RangeInput;
import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * An opened cabinet: its entries, and their bytes on request. Nothing is expanded until {@link #contents} asks for
 * it; then each folder holding a wanted entry is expanded once, from its first block to the end of the last wanted
 * entry, and only the wanted bytes are kept.
 *
 * <pre>{@code
 * try (Cabinet cab = CabReader.open(Path.of("kb.cab"), CabLimits.DEFAULT)) {
 *     byte[] mum = cab.contents(e -> e.name().equals("update.mum")).values().iterator().next();
 * }
 * }</pre>
 */
public final class Cabinet implements Closeable {

    private final RangeInput in;
    private final SeekableByteChannel channel;
    private final CabHeader header;
    private final List<CabFolder> folders;
    private final List<CabEntry> entries;
    private final CabLimits limits;
    private long expanded;

    Cabinet(RangeInput in, SeekableByteChannel channel, CabHeader header, List<CabFolder> folders,
            List<CabEntry> entries, CabLimits limits) {
        this.in = in;
        this.channel = channel;
        this.header = header;
        this.folders = List.copyOf(folders);
        this.entries = List.copyOf(entries);
        this.limits = limits;
    }

    /** @return the input's name */
    public String source() {
        return in.source();
    }

    /** @return the files, in CFFILE order */
    public List<CabEntry> entries() {
        return entries;
    }

    /**
     * @param entry one of {@link #entries()}
     * @return how its folder is compressed
     */
    public Compression compression(CabEntry entry) {
        return folders.get(entry.folder()).compression();
    }

    /**
     * @param wanted which entries to return
     * @return the wanted entries' bytes, in CFFILE order
     * @throws IOException a {@link dev.patchchain.formats.FormatException}: {@code CORRUPT} for a bad block,
     *                     checksum, size or compressed stream; {@code UNSUPPORTED} for a limit exceeded
     */
    public Map<CabEntry, byte[]> contents(Predicate<CabEntry> wanted) throws IOException {
        Map<CabEntry, byte[]> out = new LinkedHashMap<>();
        List<List<CabEntry>> byFolder = new ArrayList<>();
        for (int i = 0; i < folders.size(); i++) {
            byFolder.add(new ArrayList<>());
        }
        for (CabEntry e : entries) {
            if (wanted.test(e)) {
                if (e.size() > limits.maxFileBytes()) {
                    throw in.unsupported(-1, e.name() + " is " + e.size() + " bytes, over the limit of "
                            + limits.maxFileBytes());
                }
                out.put(e, null);
                byFolder.get(e.folder()).add(e);
            }
        }
        for (int i = 0; i < folders.size(); i++) {
            if (!byFolder.get(i).isEmpty()) {
                expand(folders.get(i), byFolder.get(i), out);
            }
        }
        return out;
    }

    private void expand(CabFolder folder, List<CabEntry> wanted, Map<CabEntry, byte[]> out) throws IOException {
        wanted.sort(Comparator.comparingLong(CabEntry::folderOffset));
        long end = wanted.stream().mapToLong(e -> e.folderOffset() + e.size()).max().orElse(0);
        FolderSink sink = new FolderSink(wanted, out);
        long position = 0;
        long blockOffset = folder.firstBlock();
        LzxFolderDecoder lzx = folder.compression() == Compression.LZX ? LzxFolderDecoder.of(folder, in) : null;
        QuantumDecoder quantum = folder.compression() == Compression.QUANTUM ? QuantumDecoder.of(folder, in) : null;
        try (MsZipDecoder mszip = new MsZipDecoder()) {
            for (int b = 0; b < folder.blockCount() && position < end; b++) {
                CabDataBlock block = CabDataBlock.read(in, blockOffset, header.dataReserve(),
                        "CFDATA " + b + " of folder " + folder.index());
                byte[] bytes = switch (folder.compression()) {
                    case MSZIP -> mszip.expand(block, in);
                    case LZX -> lzx.expand(block, in);
                    case QUANTUM -> quantum.expand(block, in);
                    default -> stored(block);
                };
                expanded += bytes.length;
                if (expanded > limits.maxExpandedBytes()) {
                    throw in.unsupported(block.offset(), "expanding more than " + limits.maxExpandedBytes()
                            + " bytes from one cabinet is over the limit");
                }
                sink.accept(position, bytes);
                position += bytes.length;
                blockOffset = block.next();
            }
        }
        sink.requireComplete(position, in, folder.index());
    }

    private byte[] stored(CabDataBlock block) throws IOException {
        if (block.data().size() != block.uncompressedSize()) {
            throw in.corrupt(block.offset(), "stored block: cbData " + block.data().size() + " differs from cbUncomp "
                    + block.uncompressedSize());
        }
        return block.data().bytes(0, block.data().size(), "stored block");
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
        }
    }
}
