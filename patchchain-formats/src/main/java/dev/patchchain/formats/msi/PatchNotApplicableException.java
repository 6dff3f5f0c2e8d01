package dev.patchchain.formats.msi;

/**
 * A patch read against a product it does not apply to: the product is not among its targets, or none of its
 * transforms is for it. The caller chose the wrong product; the files themselves may be fine.
 */
public final class PatchNotApplicableException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** @param message which patch, which product, and why not */
    public PatchNotApplicableException(String message) {
        super(message);
    }
}
