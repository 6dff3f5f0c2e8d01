package dev.patchchain.formats.authenticode;

import java.security.cert.CertificateException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * The part of a verification that PE signatures and catalogs share: the one signer's signature over its signed
 * attributes (whose message digest covers the content), its timestamp, and its certificate at the time that counts
 * (the verified timestamp, else now).
 */
final class SignatureCheck {

    /**
     * @param status         {@link SignatureStatus#VALID}, or why not
     * @param detail         one sentence
     * @param signer         the signer, when its certificate was found
     * @param chainValidated true if a non-empty trust store validated the chain
     */
    record Outcome(SignatureStatus status, String detail, Optional<Signer> signer, boolean chainValidated) {
    }

    private SignatureCheck() {
    }

    static Outcome check(CMSSignedData signed, TrustStore trust, Instant now) {
        try {
            return checkDecoded(signed, trust, now);
        } catch (RuntimeException e) { // BouncyCastle's lazy decoding of attributes and certificates
            return new Outcome(SignatureStatus.MALFORMED, "the signature cannot be decoded: " + e.getMessage(),
                    Optional.empty(), false);
        }
    }

    private static Outcome checkDecoded(CMSSignedData signed, TrustStore trust, Instant now) {
        Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
        if (signers.size() != 1) {
            return new Outcome(SignatureStatus.MALFORMED, "SignedData has " + signers.size()
                    + " signers; Authenticode requires exactly one", Optional.empty(), false);
        }
        SignerInformation info = signers.iterator().next();
        Collection<X509CertificateHolder> pool = new ArrayList<>(signed.getCertificates().getMatches(null));
        X509CertificateHolder certificate = pool.stream().filter(c -> info.getSID().match(c)).findFirst()
                .orElse(null);
        if (certificate == null) {
            return new Outcome(SignatureStatus.MALFORMED, "the signer's certificate is not in the SignedData",
                    Optional.empty(), false);
        }
        Timestamps.Verified timestamp = Timestamps.of(info, pool, trust);
        Date at = Date.from(timestamp.time().orElse(now));
        ChainValidator.Result chain = ChainValidator.validate(certificate, pool, trust, at);
        Signer signer = new Signer(certificate.getSubject().toString(), certificate.getIssuer().toString(),
                HexFormat.of().formatHex(certificate.getSerialNumber().toByteArray()), chain.chain(),
                timestamp.time(), timestamp.kind());
        String ignoredTimestamp = timestamp.problem().isEmpty() ? "" : "; timestamp ignored: " + timestamp.problem();
        try {
            // Verified with the bare key: validity is judged below at the timestamp time, not at a signing-time attribute.
            if (!info.verify(new JcaSimpleSignerInfoVerifierBuilder()
                    .build(new JcaX509CertificateConverter().getCertificate(certificate).getPublicKey()))) {
                return new Outcome(SignatureStatus.SIGNATURE_INVALID, "the signer's signature does not verify",
                        Optional.of(signer), false);
            }
        } catch (CMSException | OperatorCreationException | CertificateException | RuntimeException e) {
            return new Outcome(SignatureStatus.SIGNATURE_INVALID, "the signer's signature does not verify: "
                    + e.getMessage(), Optional.of(signer), false);
        }
        if (!chain.trusted()) {
            return new Outcome(SignatureStatus.CHAIN_UNTRUSTED, chain.problem() + ignoredTimestamp, Optional.of(signer),
                    false);
        }
        String detail = trust.isEmpty() ? "signature valid, chain not validated (no trust anchors given)"
                : "signature valid, chain validated";
        return new Outcome(SignatureStatus.VALID, detail + ignoredTimestamp, Optional.of(signer), !trust.isEmpty());
    }
}
