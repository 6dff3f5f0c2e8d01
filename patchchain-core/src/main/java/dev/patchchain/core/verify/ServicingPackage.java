package dev.patchchain.core.verify;

import java.util.List;
import java.util.Objects;

/**
 * One {@code Windows\servicing\Packages\<file>.mum} of an image: the KB it belongs to, the components it installs
 * and the packages it pulls in (docs/verify.md, "Component servicing").
 *
 * <pre>{@code
 * new ServicingPackage("Package_1_for_KB4601060~31bf3856ad364e35~amd64~~10.0.3770.4", "KB4601060", "Update",
 *         List.of(component), List.of("Package_2_for_KB4601060~31bf3856ad364e35~amd64~~10.0.3770.4"));
 * }</pre>
 *
 * @param fileName    the file's name without {@code .mum}, which is also its key under the registry's CBS
 *                    {@code Packages}
 * @param kb          the {@code <package identifier>}, e.g. {@code KB4601060} ({@code ""} if none)
 * @param releaseType e.g. {@code Security Update} ({@code ""} if none)
 * @param components  the components its {@code <update>} elements install
 * @param packages    the file names (without {@code .mum}) of the packages its {@code <update>} elements pull in
 */
public record ServicingPackage(String fileName, String kb, String releaseType, List<ComponentIdentity> components,
                               List<String> packages) {

    /** Copies the lists and checks the components. */
    public ServicingPackage {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(kb, "kb");
        Objects.requireNonNull(releaseType, "releaseType");
        components = List.copyOf(components);
        packages = List.copyOf(packages);
    }
}
