package dev.patchchain.formats.cab;

import dev.patchchain.core.plan.UpdatePackage;
import java.util.List;

/**
 * A servicing package ({@code .msu}, or the {@code .cab} inside one) as read: its {@code update.mum}, the package
 * the planner sees (component servicing engine; one file per target, in use, with the version of the PE inside the
 * cabinet or else the component's), and what could not be turned into files.
 *
 * @param mum      the package's {@code update.mum}
 * @param pkg      the package for the planner
 * @param warnings what was skipped and why (compressed manifests, unknown destinations, files without a version)
 */
public record ServicingPackage(UpdateMum mum, UpdatePackage pkg, List<String> warnings) {

    /** Copies the list. */
    public ServicingPackage {
        warnings = List.copyOf(warnings);
    }
}
