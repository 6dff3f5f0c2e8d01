package dev.patchchain.core.verify;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The verdict on one installed update: the worst of its files, or {@link VerifyStatus#SUPERSEDED} when a later
 * installed update replaces it, or {@link VerifyStatus#UNVERIFIABLE} when the catalog does not know it.
 *
 * @param update       the inventory entry
 * @param status       the verdict
 * @param supersededBy the installed update that replaces this one, if any
 * @param files        the verdict per expected file, in catalog order
 * @param detail       one sentence for the report, e.g. {@code "current on system"}
 */
public record UpdateCheck(InstalledUpdate update, VerifyStatus status, Optional<UpdateId> supersededBy,
                          List<FileCheck> files, String detail) {

    /** Copies the list and checks the components. */
    public UpdateCheck {
        Objects.requireNonNull(update, "update");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(supersededBy, "supersededBy");
        files = List.copyOf(files);
        Objects.requireNonNull(detail, "detail");
    }
}
