package dev.patchchain.core.plan;

import dev.patchchain.core.path.WinPath;
import dev.patchchain.core.version.FileVersion;
import dev.patchchain.core.volume.FileFacts;
import dev.patchchain.core.volume.InMemoryVolume;
import java.util.ArrayList;
import java.util.List;

/** Builds packages and disks for planner tests. */
final class Packages {

    static final String NTDLL = "C:\\Windows\\System32\\ntdll.dll";
    static final String RUN_ONCE = "HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\RunOnce";

    private final String id;
    private final InstallerEngine engine;
    private ReplacePolicy policy;
    private final List<PackageFile> files = new ArrayList<>();
    private final List<RegistryWrite> writes = new ArrayList<>();

    private Packages(String id, InstallerEngine engine) {
        this.id = id;
        this.engine = engine;
        this.policy = engine.defaultPolicy();
    }

    static Packages pkg(String id, InstallerEngine engine) {
        return new Packages(id, engine);
    }

    Packages policy(ReplacePolicy p) {
        policy = p;
        return this;
    }

    Packages file(String path, String version) {
        return file(path, version, true);
    }

    Packages file(String path, String version, boolean inUse) {
        files.add(new PackageFile(WinPath.parse(path), FileVersion.parse(version), inUse));
        return this;
    }

    Packages runOnce(String value, WriteMode mode, String data) {
        writes.add(new RegistryWrite(RUN_ONCE, value, true, mode, List.of(data)));
        return this;
    }

    UpdatePackage build() {
        return new UpdatePackage(id, engine, policy, files, writes);
    }

    static InMemoryVolume disk(String path, String version) {
        return new InMemoryVolume().putFile(WinPath.parse(path), FileFacts.versioned(4096, FileVersion.parse(version)));
    }
}
