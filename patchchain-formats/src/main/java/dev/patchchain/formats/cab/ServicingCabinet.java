package dev.patchchain.formats.cab;

import dev.patchchain.core.path.WinPath;
import dev.patchchain.core.plan.InstallerEngine;
import dev.patchchain.core.plan.PackageFile;
import dev.patchchain.core.plan.UpdatePackage;
import dev.patchchain.core.version.FileVersion;
import dev.patchchain.formats.io.BytesChannel;
import dev.patchchain.formats.pe.PeVersionReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The cabinet with {@code update.mum} at its root, turned into a {@link ServicingPackage}: each plain-XML component
 * manifest {@code X.manifest} names the files of directory {@code X\} and their destinations; each file's version is
 * its PE file version, else the component's version.
 */
final class ServicingCabinet {

    private static final String MANIFEST = ".manifest";

    private final Cabinet cab;
    private final List<String> warnings = new ArrayList<>();

    private ServicingCabinet(Cabinet cab) {
        this.cab = cab;
    }

    static ServicingPackage read(Cabinet cab) throws IOException {
        return new ServicingCabinet(cab).read();
    }

    private ServicingPackage read() throws IOException {
        Map<CabEntry, byte[]> xml = cab.contents(e -> isRootFile(e) && (e.name().equalsIgnoreCase(UpdateMum.FILE_NAME)
                || e.name().toLowerCase(Locale.ROOT).endsWith(MANIFEST)));
        UpdateMum mum = null;
        Map<String, ComponentManifest> manifests = new LinkedHashMap<>();
        int compressed = 0;
        for (Map.Entry<CabEntry, byte[]> e : xml.entrySet()) {
            String source = cab.source() + "!" + e.getKey().name();
            if (e.getKey().name().equalsIgnoreCase(UpdateMum.FILE_NAME)) {
                mum = UpdateMum.parse(e.getValue(), source);
            } else if (ComponentManifest.isPlainXml(e.getValue())) {
                String name = e.getKey().name();
                manifests.put(name, ComponentManifest.parse(e.getValue(), source));
            } else {
                compressed++;
            }
        }
        if (compressed > 0) {
            warnings.add(compressed + " component manifests are compressed (Windows 10 and later), so their files' "
                    + "targets are unknown and they are left out");
        }
        Map<String, CabEntry> byName = new HashMap<>();
        cab.entries().forEach(e -> byName.put(e.name().toLowerCase(Locale.ROOT), e));
        Map<CabEntry, Placement> placements = new LinkedHashMap<>();
        for (Map.Entry<String, ComponentManifest> m : manifests.entrySet()) {
            place(m.getKey(), m.getValue(), mum.architecture(), byName, placements);
        }
        Map<CabEntry, byte[]> payload = cab.contents(placements::containsKey);
        Map<WinPath, PackageFile> files = new LinkedHashMap<>();
        for (Map.Entry<CabEntry, Placement> e : placements.entrySet()) {
            Optional<FileVersion> version = peVersion(e.getKey(), payload.get(e.getKey()))
                    .or(() -> e.getValue().componentVersion());
            if (version.isEmpty()) {
                warnings.add(e.getKey().name() + ": no PE version and no component version; left out");
                continue;
            }
            PackageFile file = new PackageFile(e.getValue().target(), version.get(), true);
            PackageFile before = files.putIfAbsent(file.target(), file);
            if (before != null) {
                warnings.add(file.target() + " is installed by two components; the newer version is kept");
                files.put(file.target(), before.version().compareTo(file.version()) >= 0 ? before : file);
            }
        }
        UpdatePackage pkg = new UpdatePackage(mum.id(), InstallerEngine.COMPONENT_SERVICING,
                InstallerEngine.COMPONENT_SERVICING.defaultPolicy(), List.copyOf(files.values()), List.of());
        return new ServicingPackage(mum, pkg, warnings);
    }

    /** Places the files of directory {@code X\} that manifest {@code X.manifest} describes. */
    private void place(String manifestName, ComponentManifest m, String packageArchitecture,
                       Map<String, CabEntry> byName, Map<CabEntry, Placement> placements) {
        String dir = manifestName.substring(0, manifestName.length() - MANIFEST.length()).toLowerCase(Locale.ROOT);
        boolean wow64 = ServicingDestinations.wow64(m.architecture(), packageArchitecture);
        Optional<FileVersion> componentVersion = version(m.version());
        for (ComponentManifest.File f : m.files()) {
            CabEntry entry = byName.get(dir + "\\" + f.name().toLowerCase(Locale.ROOT));
            if (entry == null) {
                continue; // a file the package does not carry (unchanged, or a delta not in this cabinet)
            }
            Optional<WinPath> target = ServicingDestinations.resolve(f.destinationPath(), f.name(), wow64);
            if (target.isEmpty()) {
                warnings.add(entry.name() + ": destination " + f.destinationPath() + " of " + manifestName
                        + " is not understood; left out");
                continue;
            }
            placements.put(entry, new Placement(target.get(), componentVersion));
        }
    }

    private Optional<FileVersion> peVersion(CabEntry entry, byte[] bytes) {
        if (bytes == null) {
            return Optional.empty();
        }
        try {
            return PeVersionReader.read(new BytesChannel(bytes), cab.source() + "!" + entry.name()).fileVersion();
        } catch (IOException notPe) {
            return Optional.empty();
        }
    }

    private static Optional<FileVersion> version(String text) {
        try {
            return Optional.of(FileVersion.parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean isRootFile(CabEntry e) {
        return e.name().indexOf('\\') < 0;
    }

    /** Where a cabinet file goes and the version of its component. */
    private record Placement(WinPath target, Optional<FileVersion> componentVersion) {
    }
}
