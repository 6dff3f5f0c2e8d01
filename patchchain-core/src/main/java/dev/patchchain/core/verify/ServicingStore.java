package dev.patchchain.core.verify;

import java.util.List;
import java.util.Objects;

/**
 * What an image's servicing directories hold, as the platform read them: the package manifests of
 * {@code Windows\servicing\Packages}, the component directories of {@code Windows\WinSxS} and their manifests.
 * {@link ServicingCatalog} turns it into installed updates and expected files.
 *
 * @param packages    the {@code .mum} files that parsed
 * @param directories the component directories whose names parsed
 * @param manifests   the manifests of {@code WinSxS\Manifests}, read on demand
 * @param warnings    what was skipped while reading (an oversized or malformed {@code .mum}, an odd directory name)
 */
public record ServicingStore(List<ServicingPackage> packages, List<WinSxsName> directories,
                             ComponentManifests manifests, List<String> warnings) {

    /** Copies the lists and checks the components. */
    public ServicingStore {
        packages = List.copyOf(packages);
        directories = List.copyOf(directories);
        Objects.requireNonNull(manifests, "manifests");
        warnings = List.copyOf(warnings);
    }
}
