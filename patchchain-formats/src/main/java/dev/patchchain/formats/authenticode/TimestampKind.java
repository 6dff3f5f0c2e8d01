package dev.patchchain.formats.authenticode;

/** How a signature was timestamped. */
public enum TimestampKind {
    /** No timestamp, or one that did not verify. */
    NONE,
    /** An RFC 3161 token in the unsigned attribute 1.3.6.1.4.1.311.3.3.1. */
    RFC3161,
    /** A legacy PKCS#9 countersignature (1.2.840.113549.1.9.6) with a signing time. */
    COUNTERSIGNATURE
}
