package dev.patchchain.formats.msi;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What installing a patch writes, from the product's tables after its transforms
 * ({@code docs/formats/msi.md#patches}): the files it ships, and the components whose registry values the reinstall
 * rewrites.
 */
final class PatchSelection {

    private PatchSelection() {
    }

    /**
     * The changed files the patch itself ships: those on a medium ({@link MediaRows#covering}) that the transforms
     * added or changed and that names both a {@code Source} and a {@code Cabinet}. The installer takes any other file
     * from the product's own media (the old bits, whatever the row's new {@code Version} says), and cannot find a
     * patch medium without a source (both seen in Wine, {@code MsiPatchWineOracleTest}); those are left out with a
     * warning.
     *
     * @param patched  the product's tables after the transforms
     * @param warnings receives a line per file left out
     * @return the {@code File} keys
     * @throws IOException if a table does not hold together
     */
    static Set<Object> files(TransformedTables patched, List<String> warnings) throws IOException {
        Set<Object> patchMedia = new HashSet<>();
        for (Map<String, Object> row : patched.changedRows("Media")) {
            if (row.get("Source") instanceof String && row.get("Cabinet") instanceof String) {
                patchMedia.add(row.get("DiskId"));
            }
        }
        MediaRows media = new MediaRows(MsiPackageReader.rows(patched, "Media"));
        Set<Object> files = new HashSet<>();
        for (Map<String, Object> file : patched.changedRows("File")) {
            Object disk = file.get("Sequence") instanceof Integer sequence
                    ? media.covering(sequence).map(m -> m.get("DiskId")).orElse(null) : null;
            if (disk != null && patchMedia.contains(disk)) {
                files.add(file.get("File"));
            } else {
                warnings.add("file " + file.get("File") + ": its sequence " + file.get("Sequence") + " is on "
                        + (disk == null ? "no medium" : "medium " + disk) + ", not on a medium the patch adds with "
                        + "a Source and a Cabinet: the installer does not take it from the patch; left out");
            }
        }
        return files;
    }

    /**
     * The components whose features the patch reinstalls: each feature holding a component whose {@code File},
     * {@code Registry} or {@code Component} rows the transforms changed; all of its components.
     *
     * @param patched the product's tables after the transforms
     * @return the {@code Component} keys
     * @throws IOException if a table does not hold together
     */
    static Set<Object> reinstalledComponents(TransformedTables patched) throws IOException {
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
