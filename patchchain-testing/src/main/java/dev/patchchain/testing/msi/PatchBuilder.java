package dev.patchchain.testing.msi;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.hpsf.ClassID;
import org.apache.poi.poifs.filesystem.DirectoryEntry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Writes a Windows Installer patch package ({@code .msp}): a compound file with the patch class id; its own tables
 * ({@code MsiPatchMetadata}, {@link #metadata}) and string pool, empty when it has none; a summary stream naming the
 * target products (PID 7), the transform substorages in the order they apply (PID 8, {@code :T1;:#T1}) and the patch
 * code (PID 9, then any superseded ones); one substorage per transform, each with its own summary stream; and the
 * embedded cabinets as root streams.
 *
 * <pre>{@code
 * byte[] msp = new PatchBuilder("{PATCH-GUID}", List.of(productCode))
 *         .transform("T1", productTransform, t1Summary)     // File, Media rows
 *         .transform("#T1", patchTransform, t1Summary)      // Patch tables
 *         .cabinet("PCW_CAB_1", cabBytes)
 *         .toBytes();
 * }</pre>
 */
public final class PatchBuilder {

    /** The root class id of a patch package, {@code {000C1086-0000-0000-C000-000000000046}}. */
    public static final ClassID PATCH_CLSID = new ClassID("{000C1086-0000-0000-C000-000000000046}");
    /** PID 15 of a patch: the patch format (4: Windows Installer 3.0 and later). */
    private static final int PATCH_WORD_COUNT = 4;
    private static final int ROOT_CODEPAGE = 1252;
    /** {@code MsiPatchMetadata}'s schema (Windows Installer 3.0). */
    private static final TableSchema METADATA = new TableSchema("MsiPatchMetadata", List.of(
            new ColumnSpec("Company", "S72", true), new ColumnSpec("Property", "s72", true),
            new ColumnSpec("Value", "l0", false)));

    private final String patchCode;
    private final List<String> targetProducts;
    private final List<String> supersedes = new ArrayList<>();
    private final Map<String, TransformBuilder> transforms = new LinkedHashMap<>();
    private final Map<String, SummaryStream> summaries = new LinkedHashMap<>();
    private final Map<String, byte[]> cabinets = new LinkedHashMap<>();
    private final Map<String, String> metadata = new LinkedHashMap<>();
    private String title = "Patch";
    private String subject = "";

    /**
     * @param patchCode      the patch's GUID, braced
     * @param targetProducts the ProductCodes it applies to
     */
    public PatchBuilder(String patchCode, List<String> targetProducts) {
        this.patchCode = patchCode;
        this.targetProducts = List.copyOf(targetProducts);
    }

    /**
     * @param title   PID 2
     * @param subject PID 3
     * @return this
     */
    public PatchBuilder describedAs(String title, String subject) {
        this.title = title;
        this.subject = subject;
        return this;
    }

    /**
     * @param patchCodes GUIDs of earlier patches this one supersedes, appended to PID 9
     * @return this
     */
    public PatchBuilder supersedes(List<String> patchCodes) {
        supersedes.addAll(patchCodes);
        return this;
    }

    /**
     * @param property a property of {@code MsiPatchMetadata} without a company, e.g. {@code DisplayName},
     *                 {@code AllowRemoval}
     * @param value    its value
     * @return this
     */
    public PatchBuilder metadata(String property, String value) {
        metadata.put(property, value);
        return this;
    }

    /**
     * @param name      the substorage's name, e.g. {@code T1} or {@code #T1} (stored as is, not encoded)
     * @param transform its tables
     * @param summary   its summary: PID 7 "platform;language", PID 9 the product codes and versions, PID 16 the
     *                  validation flags
     * @return this
     */
    public PatchBuilder transform(String name, TransformBuilder transform, SummaryStream summary) {
        if (transforms.putIfAbsent(name, transform) != null) {
            throw new IllegalArgumentException("two transforms named " + name);
        }
        summaries.put(name, summary);
        return this;
    }

    /**
     * @param name  the stream's name, e.g. {@code PCW_CAB_1} (a {@code Media.Cabinet} of {@code #PCW_CAB_1})
     * @param bytes the cabinet
     * @return this
     */
    public PatchBuilder cabinet(String name, byte[] bytes) {
        cabinets.put(name, bytes.clone());
        return this;
    }

    /**
     * @return the {@code .msp}
     * @throws IOException if POI fails
     */
    public byte[] toBytes() throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            DirectoryEntry root = fs.getRoot();
            root.setStorageClsid(PATCH_CLSID);
            StringBuilder names = new StringBuilder();
            for (String name : transforms.keySet()) {
                names.append(names.length() == 0 ? "" : ";").append(':').append(name);
            }
            StringBuilder revision = new StringBuilder(patchCode);
            supersedes.forEach(revision::append);
            // The root is a database, if one without tables: Wine's MsiOpenDatabase wants its string pool.
            DatabaseTables tables = new DatabaseTables(ROOT_CODEPAGE);
            if (!metadata.isEmpty()) {
                List<Map<String, Object>> rows = new ArrayList<>();
                metadata.forEach((property, value) -> rows.add(Map.of("Property", property, "Value", value)));
                tables.add(METADATA, rows);
            }
            tables.writeTo(root);
            new SummaryStream().title(title).subject(subject)
                    .template(String.join(";", targetProducts)).lastAuthor(names.toString())
                    .revNumber(revision.toString()).wordCount(PATCH_WORD_COUNT).writeTo(root);
            for (Map.Entry<String, TransformBuilder> t : transforms.entrySet()) {
                DirectoryEntry storage = root.createDirectory(t.getKey());
                storage.setStorageClsid(TransformBuilder.TRANSFORM_CLSID);
                t.getValue().writeTo(storage, summaries.get(t.getKey()));
            }
            for (Map.Entry<String, byte[]> cab : cabinets.entrySet()) {
                root.createDocument(MsiStreamName.stream(cab.getKey()), new ByteArrayInputStream(cab.getValue()));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
    }
}
