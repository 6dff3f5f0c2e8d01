package dev.patchchain.formats.msi;

import dev.patchchain.core.path.WinPath;
import dev.patchchain.core.path.WinPathException;
import dev.patchchain.core.plan.InstallerEngine;
import dev.patchchain.core.plan.PackageFile;
import dev.patchchain.core.plan.RegistryWrite;
import dev.patchchain.core.plan.UpdatePackage;
import dev.patchchain.core.version.FileVersion;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an {@code .msi} into a {@link MsiPackage} ({@code docs/formats/msi.md#the-package-for-the-planner}): each
 * {@code File} row goes to its component's directory; its version is the {@code Version} column, else the PE
 * version of the file in the embedded cabinet ({@link EmbeddedVersions}); each {@code Registry} row that writes a
 * value becomes a registry write.
 *
 * <pre>{@code
 * MsiPackage p = MsiPackageReader.read(Path.of("tool.msi"));
 * p.pkg().files();   // C:\Program Files (x86)\Example Tool\tool.dll 2.5.0.7, ...
 * }</pre>
 */
public final class MsiPackageReader {

    private static final Pattern REFERENCE = Pattern.compile("\\[([A-Za-z_][A-Za-z0-9_.]*)\\]");

    private MsiPackageReader() {
    }

    /**
     * @param file the {@code .msi}
     * @return the package
     * @throws IOException a {@link dev.patchchain.formats.FormatException} if it is not a readable MSI database
     */
    public static MsiPackage read(Path file) throws IOException {
        try (MsiDatabase db = MsiDatabase.open(file)) {
            return read(db);
        }
    }

    /**
     * @param data   the {@code .msi} bytes
     * @param source its name, for errors
     * @return the package
     * @throws IOException a {@link dev.patchchain.formats.FormatException} if it is not a readable MSI database
     */
    public static MsiPackage read(byte[] data, String source) throws IOException {
        try (MsiDatabase db = MsiDatabase.open(data, source)) {
            return read(db);
        }
    }

    private static MsiPackage read(MsiDatabase db) throws IOException {
        return read(db, db::stream, file -> true, registry -> true);
    }

    /**
     * @param tables           the database's tables (as stored, or after a patch's transforms)
     * @param streams          where its embedded cabinets are
     * @param fileSelected     which {@code File} rows become files of the package
     * @param registrySelected which {@code Registry} rows become registry writes
     * @return the package, its id {@code ProductName ProductVersion}
     * @throws IOException if a table or a cabinet cannot be read
     */
    static MsiPackage read(MsiTables tables, MsiStreams streams, Predicate<Map<String, Object>> fileSelected,
                           Predicate<Map<String, Object>> registrySelected) throws IOException {
        List<String> warnings = new ArrayList<>();
        Map<String, String> properties = new HashMap<>();
        for (Map<String, Object> row : rows(tables, "Property")) {
            if (row.get("Property") instanceof String name && row.get("Value") instanceof String value) {
                properties.put(name, value);
            }
        }
        MsiDirectories directories = new MsiDirectories(tables.table("Directory")
                .orElse(new MsiTable("Directory", List.of(), List.of())));
        Map<String, String> componentDirectory = new HashMap<>();
        for (Map<String, Object> row : rows(tables, "Component")) {
            if (row.get("Component") instanceof String c && row.get("Directory_") instanceof String d) {
                componentDirectory.put(c, d);
            }
        }
        List<Map<String, Object>> fileRows = rows(tables, "File");
        EmbeddedVersions embedded = new EmbeddedVersions(streams, tables.source(),
                new MediaRows(rows(tables, "Media")), warnings);
        Map<WinPath, PackageFile> files = new LinkedHashMap<>();
        int unversioned = 0;
        for (Map<String, Object> row : fileRows) {
            if (!fileSelected.test(row)) {
                continue;
            }
            String key = String.valueOf(row.get("File"));
            Optional<String> dir = Optional.ofNullable(componentDirectory.get(String.valueOf(row.get("Component_"))))
                    .flatMap(directories::path);
            Optional<FileVersion> version = version(row.get("Version"), fileRows);
            if (version.isEmpty()) {
                version = embedded.version(key, row.get("Sequence") instanceof Integer i ? i : null);
            }
            if (dir.isEmpty() || !(row.get("FileName") instanceof String fileName)) {
                warnings.add("file " + key + ": its directory is per-user or unknown; left out");
            } else if (version.isEmpty()) {
                unversioned++;
            } else {
                FileVersion v = version.get();
                target(dir.get(), MsiDirectories.targetName(fileName)).ifPresentOrElse(
                        t -> files.putIfAbsent(t, new PackageFile(t, v, true)),
                        () -> warnings.add("file " + key + ": not a valid target path; left out"));
            }
        }
        if (unversioned > 0) {
            warnings.add(unversioned + " unversioned files (no Version and no PE version) are left out");
        }
        List<RegistryWrite> writes = new ArrayList<>();
        for (Map<String, Object> row : rows(tables, "Registry")) {
            if (registrySelected.test(row)) {
                MsiRegistry.write(row, v -> format(v, properties, directories)).ifPresent(writes::add);
            }
        }
        String name = properties.getOrDefault("ProductName", "");
        String productVersion = properties.getOrDefault("ProductVersion", "");
        String id = (name + " " + productVersion).trim();
        UpdatePackage pkg = new UpdatePackage(id.isEmpty() ? tables.source() : id, InstallerEngine.WINDOWS_INSTALLER,
                InstallerEngine.WINDOWS_INSTALLER.defaultPolicy(), List.copyOf(files.values()), writes);
        return new MsiPackage(name, productVersion, properties.getOrDefault("ProductCode", ""), pkg, warnings);
    }

    static List<Map<String, Object>> rows(MsiTables tables, String table) throws IOException {
        return tables.table(table).map(MsiTable::rows).orElse(List.of());
    }

    /** A {@code Version} is a version, or the key of a companion file whose version it takes. */
    private static Optional<FileVersion> version(Object value, List<Map<String, Object>> fileRows) {
        if (!(value instanceof String text)) {
            return Optional.empty();
        }
        try {
            return Optional.of(FileVersion.parse(text));
        } catch (IllegalArgumentException notAVersion) {
            return fileRows.stream().filter(r -> text.equals(r.get("File"))).findFirst()
                    .map(r -> r.get("Version")).filter(v -> !text.equals(v)).flatMap(v -> version(v, List.of()));
        }
    }

    private static Optional<WinPath> target(String dir, String name) {
        try {
            return Optional.of(WinPath.parse(dir.endsWith("\\") ? dir + name : dir + "\\" + name));
        } catch (WinPathException e) {
            return Optional.empty();
        }
    }

    /** Resolves {@code [Directory]} to its path with a trailing backslash and {@code [Property]} to its value. */
    private static String format(String value, Map<String, String> properties, MsiDirectories directories) {
        Matcher m = REFERENCE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String ref = m.group(1);
            String replacement = directories.path(ref).map(p -> p.endsWith("\\") ? p : p + "\\")
                    .orElse(properties.getOrDefault(ref, m.group()));
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
