package dev.patchchain.core.plan;

import dev.patchchain.core.path.WinPath;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A package as the planner sees it: an id, the engine that installs it and how that engine decides to replace a
 * file, the files with their versions and the registry values it writes.
 *
 * <pre>{@code
 * UpdatePackage kb1 = new UpdatePackage("KB1", InstallerEngine.HOTFIX_INSTALLER,
 *         InstallerEngine.HOTFIX_INSTALLER.defaultPolicy(),
 *         List.of(new PackageFile(WinPath.parse("C:\\Windows\\System32\\ntdll.dll"), FileVersion.parse("0.3"), true)),
 *         List.of());
 * }</pre>
 *
 * @param id             a unique name, e.g. {@code KB5034441}
 * @param engine         the installer engine
 * @param policy         how it decides to replace a file
 * @param files          the files, one per target
 * @param registryWrites the registry writes, in the order the installer makes them
 */
public record UpdatePackage(String id, InstallerEngine engine, ReplacePolicy policy, List<PackageFile> files,
                            List<RegistryWrite> registryWrites) {

    /** Checks the components: one file per target. */
    public UpdatePackage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(policy, "policy");
        files = List.copyOf(files);
        registryWrites = List.copyOf(registryWrites);
        Set<WinPath> targets = new HashSet<>();
        for (PackageFile f : files) {
            if (!targets.add(f.target())) {
                throw new IllegalArgumentException(id + " installs " + f.target() + " twice");
            }
        }
    }

    /** @return {@code KB1 (naive installer)} */
    public String label() {
        return id + " (" + engine.displayName() + ")";
    }
}
