package dev.patchchain.formats.msi;

import dev.patchchain.core.plan.UpdatePackage;
import dev.patchchain.formats.FormatException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.DocumentEntry;

/**
 * Reads a Windows Installer patch ({@code .msp}; {@code docs/formats/msi.md#patches}): what it says about itself
 * ({@link MsiPatchSummary}), and, against the product it targets, what installing it writes: the product's tables
 * with the patch's transforms applied, the files it ships with their versions ({@code File.Version}, else the PE in
 * the patch's own cabinet), and the registry values of the features it reinstalls ({@link PatchSelection}).
 *
 * <pre>{@code
 * MsiPatch patch = MsiPatchReader.read(Path.of("fix.msp"));        // targets, transforms, display name
 * MsiPackage p = MsiPatchReader.read(Path.of("fix.msp"), Path.of("tool.msi"));
 * p.pkg().files();   // C:\Program Files (x86)\Example Tool\tool.dll 2.5.1.0
 * }</pre>
 */
public final class MsiPatchReader {

    private MsiPatchReader() {
    }

    /**
     * @param msp the patch
     * @return what its summary and tables say
     * @throws IOException a {@link FormatException} if it is not a readable patch
     */
    public static MsiPatch read(Path msp) throws IOException {
        return withPatch(CompoundFile.open(msp), msp.toString(), (patch, file, streams) -> patch);
    }

    /**
     * @param msp    the patch's bytes
     * @param source its name, for errors
     * @return what its summary and tables say
     * @throws IOException a {@link FormatException} if it is not a readable patch
     */
    public static MsiPatch read(byte[] msp, String source) throws IOException {
        return withPatch(CompoundFile.open(msp, source), source, (patch, file, streams) -> patch);
    }

    /**
     * @param msp       the patch
     * @param targetMsi the product it applies to
     * @return what installing the patch on that product writes, its id {@code DisplayName for ProductName}
     * @throws IOException                  a {@link FormatException} if either file is not readable
     * @throws PatchNotApplicableException if the patch does not apply to that product
     */
    public static MsiPackage read(Path msp, Path targetMsi) throws IOException {
        try (MsiDatabase target = MsiDatabase.open(targetMsi)) {
            return withPatch(CompoundFile.open(msp), msp.toString(),
                    (patch, file, streams) -> apply(patch, file, streams, target));
        }
    }

    /**
     * @param msp    the patch's bytes
     * @param source its name, for errors
     * @param target the product it applies to
     * @return what installing the patch on that product writes
     * @throws IOException                  a {@link FormatException} if the patch is not readable
     * @throws PatchNotApplicableException if the patch does not apply to that product
     */
    public static MsiPackage read(byte[] msp, String source, MsiDatabase target) throws IOException {
        return withPatch(CompoundFile.open(msp, source), source,
                (patch, file, streams) -> apply(patch, file, streams, target));
    }

    /** What to do with an open patch. */
    private interface PatchAction<T> {
        T apply(MsiPatch patch, CompoundFile file, MsiStreams streams) throws IOException;
    }

    private static <T> T withPatch(CompoundFile opened, String source, PatchAction<T> action) throws IOException {
        try (CompoundFile file = opened) {
            DirectoryNode root = file.root();
            Map<String, DocumentEntry> others = new HashMap<>();
            Map<String, byte[]> tables = MsiDatabase.tableStreams(root, others, file.budget(), source);
            MsiPatch patch = MsiPatchSummary.read(file, others, tables, source);
            MsiStreams streams = (name, max) -> others.containsKey(name) ? Optional.of(MsiDatabase.read(root,
                    others.get(name), name, max, file.budget(), source)) : Optional.empty();
            return action.apply(patch, file, streams);
        } catch (IOException | RuntimeException e) {
            if (e instanceof FormatException || e instanceof PatchNotApplicableException) {
                throw e;
            }
            throw new FormatException(FormatException.Kind.CORRUPT, source, -1, "compound file: " + e);
        }
    }

    private static MsiPackage apply(MsiPatch patch, CompoundFile file, MsiStreams patchStreams, MsiDatabase target)
            throws IOException {
        String productCode = target.property("ProductCode").orElse("");
        if (!patch.targets(productCode)) {
            throw new PatchNotApplicableException(patch.source() + " targets " + patch.targetProductCodes()
                    + ", not " + target.source() + " (" + (productCode.isEmpty() ? "no ProductCode" : productCode)
                    + ")");
        }
        MsiTables tables = target;
        for (String name : patch.transforms()) {
            MsiTransform t = MsiTransform.read((DirectoryNode) file.root().getEntry(name), file.budget(),
                    patch.source() + "!" + name);
            if (t.target().accepts(productCode, target.property("ProductVersion").orElse(""),
                    target.property("UpgradeCode").orElse(""))) {
                tables = t.applyTo(tables);
            }
        }
        if (!(tables instanceof TransformedTables patched)) {
            throw new PatchNotApplicableException(patch.source() + ": none of its transforms "
                    + patch.transforms() + " is for " + productCode);
        }
        List<String> warnings = new ArrayList<>();
        Set<Object> files = PatchSelection.files(patched, warnings);
        Set<Object> reinstalled = PatchSelection.reinstalledComponents(patched);
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
}
