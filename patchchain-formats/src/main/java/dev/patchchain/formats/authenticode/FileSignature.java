package dev.patchchain.formats.authenticode;

import java.util.Objects;
import java.util.Optional;

/**
 * How a file is signed, as Windows looks for it: its inline signature, else a catalog listing its Authenticode hash.
 *
 * <pre>{@code
 * FileSignature[report=SignatureReport[status=VALID, ...], catalog=Optional[ntexe.cat]]
 * }</pre>
 *
 * @param report  the inline signature's report, or, when the file is unsigned but listed, the catalog's
 * @param catalog the catalog that lists the file, empty when the verdict is the inline signature's (or none lists it)
 */
public record FileSignature(SignatureReport report, Optional<String> catalog) {

    /** Checks the components. */
    public FileSignature {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(catalog, "catalog");
    }
}
