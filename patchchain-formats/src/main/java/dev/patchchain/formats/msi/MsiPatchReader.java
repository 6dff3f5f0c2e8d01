package dev.patchchain.formats.msi;

import dev.patchchain.core.plan.UpdatePackage;
import dev.patchchain.formats.FormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.DocumentEntry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Reads a Windows Installer patch ({@code .msp}; {@code docs/formats/msi.md#patches}): its summary, and, against
 * the product it targets, what installing it does: the product's tables with the patch's transforms applied, the
 * files whose rows the transforms insert or change (their versions from {@code File.Version}, else from the PE in the
 * patch's own cabinet), and the registry values of every component of the features the patch reinstalls (Windows
 * Installer rewrites them all).
 *
 * <pre>{@code
 * MsiPatch patch = MsiPatchReader.read(Path.of("fix.msp"));        // targets, transforms, display name
 * MsiPackage p = MsiPatchReader.read(Path.of("fix.msp"), Path.of("tool.msi"));
 * p.pkg().files();   // C:\Program Files (x86)\Example Tool\tool.dll 2.5.1.0
 * }</pre>
 */
public final class MsiPatchReader {

    /** The root storage class of an installer database ({@code .msi}), which is not a patch. */
    static final String DATABASE_CLSID = "{000C1084-0000-0000-C000-000000000046}";
    private static final int MAX_TRANSFORMS = 64;

    private MsiPatchReader() {
    }

    /**
     * @param msp the patch
     * @return what its summary and tables say
     * @throws IOException a {@link FormatException} if it is not a readable patch
     */
    public static MsiPatch read(Path msp) throws IOException {
        return withPatch(source(msp), opener(msp), (patch, root, streams) -> patch);
    }

    /**
     * @param msp    the patch's bytes
     * @param source its name, for errors
     * @return what its summary and tables say
     * @throws IOException a {@link FormatException} if it is not a readable patch
     */
    public static MsiPatch read(byte[] msp, String source) throws IOException {
        return withPatch(source, opener(msp), (patch, root, streams) -> patch);
    }

    /**
     * @param msp       the patch
     * @param targetMsi the product it applies to
     * @return what installing the patch on that product writes, its id {@code DisplayName for ProductName}
     * @throws IOException              a {@link FormatException} if either file is not readable
     * @throws PatchNotApplicableException if the patch does not apply to that product
     */
    public static MsiPackage read(Path msp, Path targetMsi) throws IOException {
        try (MsiDatabase target = MsiDatabase.open(targetMsi)) {
            return withPatch(source(msp), opener(msp), (patch, root, streams) -> apply(patch, root, streams, target));
        }
    }

    /**
     * @param msp    the patch's bytes
     * @param source its name, for errors
     * @param target the product it applies to
     * @return what installing the patch on that product writes
     * @throws IOException              a {@link FormatException} if the patch is not readable
     * @throws PatchNotApplicableException if the patch does not apply to that product
     */
    public static MsiPackage read(byte[] msp, String source, MsiDatabase target) throws IOException {
        return withPatch(source, opener(msp), (patch, root, streams) -> apply(patch, root, streams, target));
    }

    /** What to do with an open patch. */
    private interface PatchAction<T> {
        T apply(MsiPatch patch, DirectoryNode root, MsiStreams streams) throws IOException;
    }

    /** Opens the compound file, after checking its signature. */
    private interface Opener {
        POIFSFileSystem open(String source) throws IOException;
    }

    private static String source(Path msp) {
        return msp.toString();
    }

    private static Opener opener(Path msp) {
        return source -> {
            try (InputStream probe = Files.newInputStream(msp)) {
                MsiDatabase.requireCompoundFile(probe, source);
            }
            return new POIFSFileSystem(msp.toFile(), true);
        };
    }

    private static Opener opener(byte[] msp) {
        return source -> {
            MsiDatabase.requireCompoundFile(new ByteArrayInputStream(msp), source);
            return new POIFSFileSystem(new ByteArrayInputStream(msp));
        };
    }

    private static <T> T withPatch(String source, Opener opener, PatchAction<T> action) throws IOException {
        try (POIFSFileSystem fs = opener.open(source)) {
            DirectoryNode root = fs.getRoot();
            Map<String, DocumentEntry> others = new HashMap<>();
            Map<String, byte[]> tables = MsiDatabase.tableStreams(root, others, source);
            MsiPatch patch = summary(root, source, metadata(fs, others, tables, source));
            MsiStreams streams = (name, max) -> others.containsKey(name)
                    ? Optional.of(MsiDatabase.read(root, others.get(name), name, max, source)) : Optional.empty();
            return action.apply(patch, root, streams);
        } catch (IOException | RuntimeException e) {
            if (e instanceof FormatException || e instanceof PatchNotApplicableException) {
                throw e;
            }
            throw new FormatException(FormatException.Kind.CORRUPT, source, -1, "compound file: " + e);
        }
    }

    private static MsiPatch summary(DirectoryNode root, String source, Map<String, String> metadata)
            throws FormatException {
        if (DATABASE_CLSID.equalsIgnoreCase(String.valueOf(root.getStorageClsid()))) {
            throw new FormatException(FormatException.Kind.NOT_THIS_FORMAT, source, -1,
                    "an installer database (.msi), not a patch");
        }
        MsiSummary s = MsiSummary.read(root, source).orElseThrow(() -> new FormatException(
                FormatException.Kind.NOT_THIS_FORMAT, source, -1, "no summary information: not a patch"));
        List<String> codes = guids(s.revisionNumber());
        if (codes.isEmpty()) {
            throw new FormatException(FormatException.Kind.NOT_THIS_FORMAT, source, -1, "summary revision number "
                    + s.revisionNumber() + " is no patch code: not a patch");
        }
        List<String> targets = guids(s.template());
        if (targets.isEmpty()) {
            throw new FormatException(FormatException.Kind.CORRUPT, source, -1, "summary template "
                    + s.template() + " names no target product");
        }
        List<String> transforms = new ArrayList<>();
        for (String name : (s.lastAuthor() == null ? "" : s.lastAuthor()).split(";")) {
            if (name.isBlank()) {
                continue;
            }
            if (!name.startsWith(":") || !(entry(root, name.substring(1)) instanceof DirectoryNode)) {
                throw new FormatException(FormatException.Kind.CORRUPT, source, -1, "transform " + name
                        + " is not a substorage of the patch");
            }
            transforms.add(name.substring(1));
        }
        if (transforms.isEmpty() || transforms.size() > MAX_TRANSFORMS) {
            throw new FormatException(FormatException.Kind.CORRUPT, source, -1, "the summary names "
                    + transforms.size() + " transforms (1 to " + MAX_TRANSFORMS + " expected)");
        }
        return new MsiPatch(source, codes.get(0), codes.subList(1, codes.size()), targets, transforms,
                s.title() == null ? "" : s.title(), metadata);
    }

    private static Object entry(DirectoryNode root, String name) {
        try {
            return root.hasEntry(name) ? root.getEntry(name) : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** {@code MsiPatchMetadata}'s rows without a company, when the patch has tables (MSI 3.0 and later). */
    private static Map<String, String> metadata(POIFSFileSystem fs, Map<String, DocumentEntry> others,
                                                Map<String, byte[]> tables, String source) throws IOException {
        if (!tables.containsKey(MsiDatabase.STRING_POOL)) {
            return Map.of();
        }
        MsiDatabase db = MsiDatabase.decode(source, fs, others, tables); // shares fs: closed by the caller
        Map<String, String> metadata = new HashMap<>();
        for (Map<String, Object> row : MsiPackageReader.rows(db, "MsiPatchMetadata")) {
            if (row.get("Company") == null && row.get("Property") instanceof String p
                    && row.get("Value") instanceof String v) {
                metadata.put(p, v);
            }
        }
        return metadata;
    }

    /** Every GUID in a text such as {@code {A}{B}} or {@code {A};{B}}, upper case. */
    private static List<String> guids(String text) {
        List<String> guids = new ArrayList<>();
        if (text == null) {
            return guids;
        }
        int at = text.indexOf('{');
        while (at >= 0 && guids.size() < MAX_TRANSFORMS) {
            TransformTarget.guid(text.substring(at)).ifPresent(guids::add);
            at = text.indexOf('{', at + 1);
        }
        return guids;
    }

    private static MsiPackage apply(MsiPatch patch, DirectoryNode root, MsiStreams patchStreams, MsiDatabase target)
            throws IOException {
        String productCode = target.property("ProductCode").orElse("");
        if (!patch.targets(productCode)) {
            throw new PatchNotApplicableException(patch.source() + " targets " + patch.targetProductCodes() + ", not "
                    + target.source() + " (" + (productCode.isEmpty() ? "no ProductCode" : productCode) + ")");
        }
        MsiTables tables = target;
        for (String name : patch.transforms()) {
            MsiTransform t = MsiTransform.read((DirectoryNode) root.getEntry(name), patch.source() + "!" + name);
            if (t.target().accepts(productCode)) {
                tables = t.applyTo(tables);
            }
        }
        if (!(tables instanceof TransformedTables patched)) {
            throw new PatchNotApplicableException(patch.source() + ": none of its transforms " + patch.transforms()
                    + " is for " + productCode);
        }
        List<String> warnings = new ArrayList<>();
        Set<Object> files = filesFromPatchMedia(patched, warnings);
        Set<Object> reinstalled = reinstalledComponents(patched);
        MsiStreams streams = (name, max) -> {
            Optional<byte[]> own = patchStreams.stream(name, max);
            return own.isPresent() ? own : target.stream(name, max);
        };
        MsiPackage product = MsiPackageReader.read(patched, streams, row -> files.contains(row.get("File")),
                row -> reinstalled.contains(row.get("Component_")));
        warnings.addAll(product.warnings());
        warnings.addAll(patched.notes());
        UpdatePackage p = product.pkg();
        String id = patch.displayName() + " for " + (product.productName() + " " + product.productVersion()).trim();
        return new MsiPackage(product.productName(), product.productVersion(), product.productCode(),
                new UpdatePackage(id, p.engine(), p.policy(), p.files(), p.registryWrites()), warnings);
    }

    /**
     * The changed files the patch itself ships: those whose {@code Sequence} falls into a {@code Media} row the
     * transforms added or changed and that names its {@code Source}. The installer takes any other file from the
     * product's own media (unchanged bits, whatever the row's new {@code Version} says), and cannot find a patch
     * medium without a source (both seen in Wine, {@code MsiPatchWineOracleTest}); those are left out with a warning.
     */
    private static Set<Object> filesFromPatchMedia(TransformedTables patched, List<String> warnings)
            throws IOException {
        Set<Object> patchMedia = new HashSet<>();
        for (Map<String, Object> row : patched.changedRows("Media")) {
            if (row.get("Source") instanceof String) {
                patchMedia.add(row.get("DiskId"));
            }
        }
        List<Map<String, Object>> media = new ArrayList<>(MsiPackageReader.rows(patched, "Media"));
        media.sort(Comparator.comparingInt(r -> r.get("LastSequence") instanceof Integer i ? i : Integer.MAX_VALUE));
        Set<Object> files = new HashSet<>();
        for (Map<String, Object> file : patched.changedRows("File")) {
            Object disk = file.get("Sequence") instanceof Integer sequence ? media.stream()
                    .filter(m -> m.get("LastSequence") instanceof Integer last && sequence <= last)
                    .map(m -> m.get("DiskId")).findFirst().orElse(null) : null;
            if (disk != null && patchMedia.contains(disk)) {
                files.add(file.get("File"));
            } else {
                warnings.add("file " + file.get("File") + ": its sequence " + file.get("Sequence") + " is on "
                        + (disk == null ? "no medium" : "medium " + disk) + ", not on a medium the patch adds with "
                        + "a Source: the installer does not take it from the patch; left out");
            }
        }
        return files;
    }

    /**
     * The components whose features the patch reinstalls: each feature holding a component whose {@code File},
     * {@code Registry} or {@code Component} rows the transforms changed; all of its components.
     */
    private static Set<Object> reinstalledComponents(TransformedTables patched) throws IOException {
        Set<Object> changed = new HashSet<>(column(patched.changedRows("File"), "Component_"));
        changed.addAll(column(patched.changedRows("Registry"), "Component_"));
        changed.addAll(column(patched.changedRows("Component"), "Component"));
        List<Map<String, Object>> links = MsiPackageReader.rows(patched, "FeatureComponents");
        Set<Object> features = new HashSet<>();
        links.stream().filter(l -> changed.contains(l.get("Component_"))).forEach(l -> features.add(l.get("Feature_")));
        Set<Object> components = new HashSet<>(changed);
        links.stream().filter(l -> features.contains(l.get("Feature_"))).forEach(l -> components.add(l.get("Component_")));
        return components;
    }

    private static Set<Object> column(List<Map<String, Object>> rows, String column) {
        Set<Object> values = new HashSet<>();
        rows.forEach(r -> values.add(r.get(column)));
        values.remove(null);
        return values;
    }
}
