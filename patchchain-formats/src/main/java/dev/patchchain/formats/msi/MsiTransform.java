package dev.patchchain.formats.msi;

import dev.patchchain.formats.FormatException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.DocumentEntry;

/**
 * A Windows Installer transform ({@code docs/formats/msi.md#transforms}): a storage with its own string pool and one
 * stream per table it changes, a standalone {@code .mst} or a substorage of an {@code .msp}. Applied to a database it
 * gives the tables as the installer sees them.
 *
 * <pre>{@code
 * MsiTransform t = MsiTransform.read(Path.of("fix.mst"));
 * try (MsiDatabase db = MsiDatabase.open(Path.of("tool.msi"))) {
 *     t.applyTo(db).table("File");   // the File rows after the transform
 * }
 * }</pre>
 *
 * @see MsiPatchReader
 */
public final class MsiTransform {

    private final String source;
    private final StringPool pool;
    private final Map<String, byte[]> streams;
    private final TransformTarget target;

    MsiTransform(String source, StringPool pool, Map<String, byte[]> streams, TransformTarget target) {
        this.source = source;
        this.pool = pool;
        this.streams = Map.copyOf(streams);
        this.target = target;
    }

    /**
     * @param mst a standalone transform
     * @return the transform
     * @throws IOException a {@link FormatException} if it is not a readable transform
     */
    public static MsiTransform read(Path mst) throws IOException {
        String source = mst.toString();
        try (CompoundFile file = CompoundFile.open(mst)) {
            return read(file.root(), file.budget(), source);
        } catch (IOException | RuntimeException e) {
            throw e instanceof FormatException f ? f
                    : new FormatException(FormatException.Kind.CORRUPT, source, -1, "compound file: " + e);
        }
    }

    /**
     * @param storage the transform's storage (the root of an {@code .mst}, a substorage of an {@code .msp})
     * @param budget  what the file's streams may still take
     * @param source  its name, for errors
     * @return the transform, its streams read
     * @throws IOException a {@link FormatException} if it does not hold together
     */
    static MsiTransform read(DirectoryNode storage, StreamBudget budget, String source) throws IOException {
        Map<String, DocumentEntry> others = new HashMap<>();
        Map<String, byte[]> streams = MsiDatabase.tableStreams(storage, others, budget, source);
        StringPool pool = MsiDatabase.stringPool(source, streams);
        streams.remove(MsiDatabase.STRING_POOL);
        streams.remove(MsiDatabase.STRING_DATA);
        return new MsiTransform(source, pool, streams, TransformTarget.read(storage, source));
    }

    /** @return where it came from, for messages */
    public String source() {
        return source;
    }

    /** @return the product, version and upgrade code its summary says it applies to */
    public TransformTarget target() {
        return target;
    }

    /** @return the tables it changes (besides {@code _Tables} and {@code _Columns}), sorted */
    public Set<String> tables() {
        Set<String> names = new TreeSet<>();
        streams.keySet().forEach(n -> names.add(n.substring(1)));
        names.remove("_Tables");
        names.remove("_Columns");
        return names;
    }

    /**
     * @param base the database (or an already transformed one)
     * @return its tables with this transform applied; {@link TransformedTables#notes()} says what did not apply
     * @throws FormatException if the transform's {@code _Tables} or {@code _Columns} does not hold together
     */
    public TransformedTables applyTo(MsiTables base) throws FormatException {
        return new TransformedTables(base, this);
    }

    /** @return the changes to a table, decoded with its columns; empty if the transform does not touch it */
    List<RowChange> changes(String table, List<MsiColumn> columns) throws FormatException {
        String stream = MsiStreamNames.TABLE_PREFIX + table;
        if (!streams.containsKey(stream)) {
            return List.of();
        }
        return TransformDecoder.decode(table, columns, MsiDatabase.stream(source, streams, stream), pool);
    }
}
