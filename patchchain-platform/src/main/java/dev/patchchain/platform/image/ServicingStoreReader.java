package dev.patchchain.platform.image;

import dev.patchchain.core.path.PathContext;
import dev.patchchain.core.path.WinPath;
import dev.patchchain.core.verify.ComponentIdentity;
import dev.patchchain.core.verify.ServicingPackage;
import dev.patchchain.core.verify.ServicingStore;
import dev.patchchain.core.verify.StoreManifest;
import dev.patchchain.core.verify.WinSxsName;
import dev.patchchain.core.version.FileVersion;
import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.cab.ComponentManifest;
import dev.patchchain.formats.cab.UpdateMum;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads an image's servicing directories into a {@link ServicingStore}: every {@code Windows\servicing\Packages\*.mum}
 * (plain XML), the names of the {@code Windows\WinSxS} component directories, and, on demand, their manifests in
 * {@code WinSxS\Manifests}. Bounded: a file over {@link UpdateMum#MAX_BYTES} or that does not parse, and a
 * directory name that does not follow the grammar, are skipped with a warning; nothing fails the whole read.
 *
 * <pre>{@code
 * ServicingStore store = ServicingStoreReader.read(image, PathContext.DEFAULT);
 * store.packages().size();
 * }</pre>
 */
public final class ServicingStoreReader {

    /** At most this many odd directory names are listed one by one; the rest are counted. */
    static final int MAX_NAME_WARNINGS = 20;

    private ServicingStoreReader() {
    }

    /**
     * @param image   the image (or the live system drive)
     * @param context its Windows directory
     * @return what the servicing directories hold; empty lists when the image has none
     */
    public static ServicingStore read(ImageVolume image, PathContext context) {
        List<String> warnings = new ArrayList<>();
        WinPath root = context.systemRoot();
        List<ServicingPackage> packages = packages(image, root.resolve("servicing").resolve("Packages"), warnings);
        List<WinSxsName> directories = new ArrayList<>();
        int odd = 0;
        WinPath winsxs = root.resolve("WinSxS");
        for (String name : image.list(winsxs)) {
            if (name.indexOf('_') < 0) {
                continue;   // Manifests, Catalogs, Temp, Backup, FileMaps, pending.xml, ...
            }
            try {
                WinSxsName parsed = WinSxsName.parse(name);
                Path directory = image.resolve(winsxs.resolve(name));
                if (directory != null && Files.isDirectory(directory)) {
                    directories.add(parsed);
                }
            } catch (IllegalArgumentException e) {
                if (++odd <= MAX_NAME_WARNINGS) {
                    warnings.add("WinSxS\\" + name + " skipped: " + e.getMessage());
                }
            }
        }
        if (odd > MAX_NAME_WARNINGS) {
            warnings.add((odd - MAX_NAME_WARNINGS) + " more WinSxS names skipped");
        }
        WinPath manifests = winsxs.resolve("Manifests");
        return new ServicingStore(packages, directories, dir -> manifest(image, manifests, dir), warnings);
    }

    private static List<ServicingPackage> packages(ImageVolume image, WinPath dir, List<String> warnings) {
        List<ServicingPackage> packages = new ArrayList<>();
        for (String name : image.list(dir)) {
            if (!name.toLowerCase(Locale.ROOT).endsWith(".mum")) {
                continue;
            }
            String where = "servicing\\Packages\\" + name;
            try {
                Optional<byte[]> bytes = bounded(image.resolve(dir.resolve(name)), UpdateMum.MAX_BYTES);
                if (bytes.isEmpty()) {
                    warnings.add(where + " skipped: over " + UpdateMum.MAX_BYTES + " bytes or not a file");
                    continue;
                }
                packages.add(convert(name.substring(0, name.length() - 4), UpdateMum.read(bytes.get(), where), where,
                        warnings));
            } catch (FormatException e) {
                warnings.add(where + " skipped: " + e.getMessage());
            } catch (IOException e) {
                warnings.add(where + " skipped: cannot read it (" + e.getMessage() + ")");
            }
        }
        return packages;
    }

    private static ServicingPackage convert(String fileName, UpdateMum mum, String where, List<String> warnings) {
        List<ComponentIdentity> components = new ArrayList<>();
        List<String> refs = new ArrayList<>();
        for (UpdateMum.Reference r : mum.references()) {
            if (r.isPackage()) {
                String language = r.language().equalsIgnoreCase("neutral") ? "" : r.language();
                refs.add(r.name() + "~" + r.publicKeyToken() + "~" + r.architecture() + "~" + language + "~" + r.version());
                continue;
            }
            try {
                components.add(new ComponentIdentity(r.name(), FileVersion.parse(r.version()), r.architecture(),
                        r.publicKeyToken(), r.language()));
            } catch (IllegalArgumentException e) {
                warnings.add(where + ": component " + r.name() + " skipped: version \"" + r.version() + "\": "
                        + e.getMessage());
            }
        }
        return new ServicingPackage(fileName, mum.kb(), mum.releaseType(), components, refs);
    }

    private static StoreManifest manifest(ImageVolume image, WinPath manifests, WinSxsName dir) {
        String name = dir + ".manifest";
        try {
            Optional<byte[]> bytes = bounded(image.resolve(manifests.resolve(name)), UpdateMum.MAX_BYTES);
            if (bytes.isEmpty()) {
                return new StoreManifest.Unreadable("no WinSxS\\Manifests\\" + name + " (or over "
                        + UpdateMum.MAX_BYTES + " bytes)");
            }
            if (ComponentManifest.isCompressed(bytes.get())) {
                return new StoreManifest.Compressed();
            }
            if (!ComponentManifest.isPlainXml(bytes.get())) {
                return new StoreManifest.Unreadable("WinSxS\\Manifests\\" + name + " is neither XML nor DCM");
            }
            ComponentManifest parsed = ComponentManifest.parse(bytes.get(), "WinSxS\\Manifests\\" + name);
            return new StoreManifest.Plain(parsed.files().stream()
                    .map(f -> new StoreManifest.ManifestFile(f.name(), f.destinationPath())).toList());
        } catch (FormatException e) {
            return new StoreManifest.Unreadable(e.getMessage());
        } catch (IOException e) {
            return new StoreManifest.Unreadable("cannot read WinSxS\\Manifests\\" + name + ": " + e.getMessage());
        }
    }

    /** The file's bytes, checked against the limit before allocating; empty if absent, not a file or too big. */
    private static Optional<byte[]> bounded(Path file, int limit) throws IOException {
        if (file == null || !Files.isRegularFile(file) || Files.size(file) > limit) {
            return Optional.empty();
        }
        return Optional.of(Files.readAllBytes(file));
    }
}
