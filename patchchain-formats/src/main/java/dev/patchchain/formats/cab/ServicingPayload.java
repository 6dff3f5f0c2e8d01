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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The payload with {@code update.mum} at its root (a servicing cabinet, or the WIM of an express package), turned
 * into a {@link ServicingPackage}: each plain-XML component manifest {@code X.manifest} names the files of directory
 * {@code X\} and their destinations; each file's version is its PE file version, else the component's version.
 *
 * <p>A cabinet carries the files it installs: a file a manifest lists but the cabinet does not carry is not part of
 * the package. An express package's WIM carries only the manifests, its files being deltas in the {@code .psf}
 * beside it ({@code payloadElsewhere}): every file the manifests list is part of the package, with the component's
 * version unless the WIM happens to carry the PE.
 */
final class ServicingPayload {

    private static final String MANIFEST = ".manifest";

    private final ServicingFiles files;
    private final boolean payloadElsewhere;
    private final List<String> warnings = new ArrayList<>();

    private ServicingPayload(ServicingFiles files, boolean payloadElsewhere) {
        this.files = files;
        this.payloadElsewhere = payloadElsewhere;
    }

    /**
     * @param files            the payload
     * @param payloadElsewhere whether the files the manifests list are carried elsewhere (an express package's
     *                         {@code .psf}), so they are part of the package even when {@code files} lacks them
     */
    static ServicingPackage read(ServicingFiles files, boolean payloadElsewhere) throws IOException {
        return new ServicingPayload(files, payloadElsewhere).read();
    }

    static boolean hasUpdateMum(ServicingFiles files) {
        return files.names().stream().anyMatch(n -> n.equalsIgnoreCase(UpdateMum.FILE_NAME));
    }

    private ServicingPackage read() throws IOException {
        Map<String, byte[]> xml = files.contents(n -> isRootFile(n) && (n.equalsIgnoreCase(UpdateMum.FILE_NAME)
                || n.toLowerCase(Locale.ROOT).endsWith(MANIFEST)));
        UpdateMum mum = null;
        Map<String, ComponentManifest> manifests = new LinkedHashMap<>();
        int compressed = 0;
        for (Map.Entry<String, byte[]> e : xml.entrySet()) {
            String source = files.source() + "!" + e.getKey();
            if (e.getKey().equalsIgnoreCase(UpdateMum.FILE_NAME)) {
                mum = UpdateMum.parse(e.getValue(), source);
            } else if (ComponentManifest.isPlainXml(e.getValue())) {
                manifests.put(e.getKey(), ComponentManifest.parse(e.getValue(), source));
            } else {
                compressed++;
            }
        }
        if (compressed > 0) {
            warnings.add(compressed + " component manifests are compressed (Windows 10 and later), so their files' "
                    + "targets are unknown and they are left out");
        }
        if (payloadElsewhere) {
            warnings.add("the files are deltas in the package's .psf, which is not read: their versions are their "
                    + "components' versions");
        }
        Map<String, String> byName = new LinkedHashMap<>();
        files.names().forEach(n -> byName.putIfAbsent(n.toLowerCase(Locale.ROOT), n));
        Map<String, Placement> placements = new LinkedHashMap<>();
        for (Map.Entry<String, ComponentManifest> m : manifests.entrySet()) {
            place(m.getKey(), m.getValue(), mum.architecture(), byName, placements);
        }
        Set<String> names = new HashSet<>(byName.values());
        Set<String> carried = placements.keySet().stream().filter(names::contains).collect(Collectors.toSet());
        Map<String, byte[]> payload = files.contents(carried::contains);
        Map<WinPath, PackageFile> out = new LinkedHashMap<>();
        for (Map.Entry<String, Placement> e : placements.entrySet()) {
            Optional<FileVersion> version = peVersion(e.getKey(), payload.get(e.getKey()))
                    .or(() -> e.getValue().componentVersion());
            if (version.isEmpty()) {
                warnings.add(e.getKey() + ": no PE version and no component version; left out");
                continue;
            }
            PackageFile file = new PackageFile(e.getValue().target(), version.get(), true);
            PackageFile before = out.putIfAbsent(file.target(), file);
            if (before != null) {
                warnings.add(file.target() + " is installed by two components; the newer version is kept");
                out.put(file.target(), before.version().compareTo(file.version()) >= 0 ? before : file);
            }
        }
        UpdatePackage pkg = new UpdatePackage(mum.id(), InstallerEngine.COMPONENT_SERVICING,
                InstallerEngine.COMPONENT_SERVICING.defaultPolicy(), List.copyOf(out.values()), List.of());
        return new ServicingPackage(mum, pkg, warnings);
    }

    /** Places the files of directory {@code X\} that manifest {@code X.manifest} describes. */
    private void place(String manifestName, ComponentManifest m, String packageArchitecture,
                       Map<String, String> byName, Map<String, Placement> placements) {
        String dir = manifestName.substring(0, manifestName.length() - MANIFEST.length());
        boolean wow64 = ServicingDestinations.wow64(m.architecture(), packageArchitecture);
        Optional<FileVersion> componentVersion = version(m.version());
        for (ComponentManifest.File f : m.files()) {
            String path = dir + "\\" + f.name();
            String name = byName.get(path.toLowerCase(Locale.ROOT));
            if (name == null && !payloadElsewhere) {
                continue; // a file the package does not carry (unchanged, or a delta not in this cabinet)
            }
            Optional<WinPath> target = ServicingDestinations.resolve(f.destinationPath(), f.name(), wow64);
            if (target.isEmpty()) {
                warnings.add((name == null ? path : name) + ": destination " + f.destinationPath() + " of "
                        + manifestName + " is not understood; left out");
                continue;
            }
            placements.put(name == null ? path : name, new Placement(target.get(), componentVersion));
        }
    }

    private Optional<FileVersion> peVersion(String name, byte[] bytes) {
        if (bytes == null) {
            return Optional.empty();
        }
        try {
            return PeVersionReader.read(new BytesChannel(bytes), files.source() + "!" + name).fileVersion();
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

    private static boolean isRootFile(String name) {
        return name.indexOf('\\') < 0;
    }

    /** Where a payload file goes and the version of its component. */
    private record Placement(WinPath target, Optional<FileVersion> componentVersion) {
    }
}
