package dev.patchchain.core.verify;

/**
 * Whether {@link Verifier} also requires the files it finds current to be validly signed, and how many catalogs the
 * signer facts were looked up in (that count tells {@link VerifyStatus#UNSIGNED}, nothing to look in, from
 * {@link VerifyStatus#NOT_IN_CATALOG}, looked and not found).
 *
 * <pre>{@code
 * SignaturePolicy.required(catalogs.size());   // the volume's inspector filled in SignerFacts
 * SignaturePolicy.IGNORED;                      // versions only, as Qfecheck
 * }</pre>
 *
 * @param required true if current files must be validly signed
 * @param catalogs how many catalogs of the image were searched for unsigned files (0 when not required)
 */
public record SignaturePolicy(boolean required, int catalogs) {

    /** Signatures are not looked at. */
    public static final SignaturePolicy IGNORED = new SignaturePolicy(false, 0);

    /** Checks the components. */
    public SignaturePolicy {
        if (catalogs < 0 || !required && catalogs != 0) {
            throw new IllegalArgumentException("catalogs " + catalogs + " with required=" + required);
        }
    }

    /**
     * @param catalogs how many catalogs unsigned files were looked up in
     * @return a policy requiring valid signatures
     */
    public static SignaturePolicy required(int catalogs) {
        return new SignaturePolicy(true, catalogs);
    }
}
