package dev.patchchain.core.volume;

import java.util.Objects;

/**
 * What is known about a file's signature: whether it is signed (inline or through a catalog), whether that signature
 * validates, and who signed it. The platform fills it in when asked to read signatures; core only compares.
 *
 * <pre>{@code
 * SignerFacts.valid("CN=Microsoft Windows, O=Microsoft Corporation", "catalog ntexe.cat");
 * SignerFacts.unsigned("no certificate table and in no catalog");
 * }</pre>
 *
 * @param signed  true if the file carries (or a catalog lists it with) a signature
 * @param valid   true if that signature validates
 * @param subject the signer's subject, empty when unsigned
 * @param detail  how it was established or why it failed, e.g. {@code inline} or {@code HASH_MISMATCH: ...}
 */
public record SignerFacts(boolean signed, boolean valid, String subject, String detail) {

    /** Checks the components: only a signed file can be valid. */
    public SignerFacts {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(detail, "detail");
        if (valid && !signed) {
            throw new IllegalArgumentException("an unsigned file cannot have a valid signature");
        }
    }

    /**
     * @param detail why it counts as unsigned
     * @return facts of an unsigned file
     */
    public static SignerFacts unsigned(String detail) {
        return new SignerFacts(false, false, "", detail);
    }

    /**
     * @param subject the signer
     * @param detail  how the signature was found (inline, which catalog)
     * @return facts of a validly signed file
     */
    public static SignerFacts valid(String subject, String detail) {
        return new SignerFacts(true, true, subject, detail);
    }

    /**
     * @param subject the signer as the signature claims it, empty if unknown
     * @param detail  why it does not validate
     * @return facts of a file whose signature does not validate
     */
    public static SignerFacts invalid(String subject, String detail) {
        return new SignerFacts(true, false, subject, detail);
    }
}
