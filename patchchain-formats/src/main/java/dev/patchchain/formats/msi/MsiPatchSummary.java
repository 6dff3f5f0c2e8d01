package dev.patchchain.formats.msi;

import dev.patchchain.formats.FormatException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.DocumentEntry;

/**
 * Reads what a patch says about itself ({@code docs/formats/msi.md#patches}): its summary (patch code and superseded
 * codes, target products, transform substorages, title) and its own {@code MsiPatchMetadata} table.
 */
final class MsiPatchSummary {

    /** The root storage class of an installer database ({@code .msi}), which is not a patch. */
    static final String DATABASE_CLSID = "{000C1084-0000-0000-C000-000000000046}";
    /** The most transforms, and the most product or patch codes, a patch may name (real ones: a few dozen). */
    static final int MAX_NAMES = 4096;

    private MsiPatchSummary() {
    }

    /**
     * @param file   the open patch
     * @param others its root's non-table streams
     * @param tables its root's table streams
     * @param source its name, for errors
     * @return the patch as described
     * @throws IOException a {@link FormatException} if it is not a patch or does not hold together
     */
    static MsiPatch read(CompoundFile file, Map<String, DocumentEntry> others, Map<String, byte[]> tables,
                         String source) throws IOException {
        DirectoryNode root = file.root();
        if (DATABASE_CLSID.equalsIgnoreCase(String.valueOf(root.getStorageClsid()))) {
            throw new FormatException(FormatException.Kind.NOT_THIS_FORMAT, source, -1,
                    "an installer database (.msi), not a patch");
        }
        MsiSummary s = MsiSummary.read(root, source).orElseThrow(() -> new FormatException(
                FormatException.Kind.NOT_THIS_FORMAT, source, -1, "no summary information: not a patch"));
        List<String> codes = guids(s.revisionNumber(), "revision number", source);
        if (codes.isEmpty()) {
            throw new FormatException(FormatException.Kind.NOT_THIS_FORMAT, source, -1, "summary revision number "
                    + s.revisionNumber() + " is no patch code: not a patch");
        }
        List<String> targets = guids(s.template(), "template", source);
        if (targets.isEmpty()) {
            throw new FormatException(FormatException.Kind.CORRUPT, source, -1, "summary template "
                    + s.template() + " names no target product");
        }
        return new MsiPatch(source, codes.get(0), codes.subList(1, codes.size()), targets,
                transforms(root, s.lastAuthor(), source), s.title() == null ? "" : s.title(),
                metadata(file, others, tables, source));
    }

    /** The substorages {@code :T1;:#T1} names, each once, each a substorage of the root. */
    private static List<String> transforms(DirectoryNode root, String lastAuthor, String source)
            throws FormatException {
        Set<String> names = new LinkedHashSet<>();
        for (String name : (lastAuthor == null ? "" : lastAuthor).split(";")) {
            if (name.isBlank()) {
                continue;
            }
            if (!name.startsWith(":") || !(entry(root, name.substring(1)) instanceof DirectoryNode)) {
                throw new FormatException(FormatException.Kind.CORRUPT, source, -1, "transform " + name
                        + " is not a substorage of the patch");
            }
            if (!names.add(name.substring(1))) {
                throw new FormatException(FormatException.Kind.CORRUPT, source, -1, "transform " + name
                        + " is named twice");
            }
        }
        if (names.isEmpty() || names.size() > MAX_NAMES) {
            throw new FormatException(FormatException.Kind.CORRUPT, source, -1, "the summary names "
                    + names.size() + " transforms (1 to " + MAX_NAMES + " expected)");
        }
        return List.copyOf(names);
    }

    private static Object entry(DirectoryNode root, String name) {
        try {
            return root.hasEntry(name) ? root.getEntry(name) : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** {@code MsiPatchMetadata}'s rows without a company, when the patch has tables (MSI 3.0 and later). */
    private static Map<String, String> metadata(CompoundFile file, Map<String, DocumentEntry> others,
                                                Map<String, byte[]> tables, String source) throws IOException {
        if (!tables.containsKey(MsiDatabase.STRING_POOL)) {
            return Map.of();
        }
        MsiDatabase db = MsiDatabase.decode(source, file, others, tables); // shares the file: closed by the caller
        Map<String, String> metadata = new HashMap<>();
        for (Map<String, Object> row : MsiPackageReader.rows(db, "MsiPatchMetadata")) {
            if (row.get("Company") == null && row.get("Property") instanceof String p
                    && row.get("Value") instanceof String v) {
                metadata.put(p, v);
            }
        }
        return metadata;
    }

    /** Every GUID in a text such as {@code {A}{B}} or {@code {A};{B}}, upper case; over {@link #MAX_NAMES}: corrupt. */
    private static List<String> guids(String text, String property, String source) throws FormatException {
        List<String> guids = new ArrayList<>();
        if (text == null) {
            return guids;
        }
        for (int at = text.indexOf('{'); at >= 0; at = text.indexOf('{', at + 1)) {
            TransformTarget.guid(text.substring(at, Math.min(text.length(), at + TransformTarget.GUID_LENGTH)))
                    .ifPresent(guids::add);
            if (guids.size() > MAX_NAMES) {
                throw new FormatException(FormatException.Kind.CORRUPT, source, -1, "summary " + property
                        + " names over " + MAX_NAMES + " codes");
            }
        }
        return guids;
    }
}
