package dev.patchchain.core.analysis;

/** How much a finding matters. {@link #MEDIUM} and above make {@code queue check} exit with 1. */
public enum Severity {
    /** Worth knowing, nothing to do. */
    INFO,
    /** Untidy but harmless: a leftover temp file, a delete of something already gone. */
    LOW,
    /** Something will not happen as its installer meant. */
    MEDIUM,
    /** A file ends up older than it should be, or an update is lost. */
    HIGH;

    /** @return true if a finding of this severity should fail a check */
    public boolean isActionable() {
        return compareTo(MEDIUM) >= 0;
    }
}
