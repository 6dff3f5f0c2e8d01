package dev.patchchain.formats.authenticode;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@link AuthenticodeVerifier} found for one file or catalog.
 *
 * <pre>{@code
 * SignatureReport[status=VALID, detail=signature valid, chain not validated (no trust anchors given), ...,
 *                 digestAlgorithm=SHA-256, signedDigest=9f86..., imageDigest=9f86..., chainValidated=false]
 * }</pre>
 *
 * @param status          the verdict
 * @param detail          one sentence saying why
 * @param signer          the signer, when the signature could be read
 * @param digestAlgorithm the signed digest's JCA algorithm name, empty if not read
 * @param signedDigest    the digest the signature covers, lower-case hex, empty if not read
 * @param imageDigest     the digest computed from the file, lower-case hex, empty if not computed (catalogs)
 * @param chainValidated  true if the chain was validated against a non-empty trust store
 */
public record SignatureReport(SignatureStatus status, String detail, Optional<Signer> signer, String digestAlgorithm,
                              String signedDigest, String imageDigest, boolean chainValidated) {

    /** Checks the components. */
    public SignatureReport {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(digestAlgorithm, "digestAlgorithm");
        Objects.requireNonNull(signedDigest, "signedDigest");
        Objects.requireNonNull(imageDigest, "imageDigest");
    }

    static SignatureReport of(SignatureStatus status, String detail) {
        return new SignatureReport(status, detail, Optional.empty(), "", "", "", false);
    }
}
