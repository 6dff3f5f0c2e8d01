package dev.patchchain.formats.authenticode;

/** The verdict on a file's (or a catalog's) signature, checked in this order. See docs/trust.md. */
public enum SignatureStatus {
    /** No certificate table, or one without a PKCS#7 entry. */
    UNSIGNED,
    /** A certificate table or PKCS#7 structure that cannot be read (bounds, DER, missing signer certificate). */
    MALFORMED,
    /** The file's Authenticode hash differs from the signed digest: it was changed after signing. */
    HASH_MISMATCH,
    /** The signer's signature over the signed attributes (or the content) does not verify. */
    SIGNATURE_INVALID,
    /** The chain does not lead to the trust store, or the signer certificate was not valid when it counted. */
    CHAIN_UNTRUSTED,
    /** Hash and signature verify; the chain too if a trust store was given (see {@link SignatureReport}). */
    VALID;

    /** @return true for {@link #VALID} */
    public boolean valid() {
        return this == VALID;
    }
}
