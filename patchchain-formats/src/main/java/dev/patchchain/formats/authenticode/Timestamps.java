package dev.patchchain.formats.authenticode;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.util.Store;

/**
 * Finds and verifies the timestamp of a signer: an RFC 3161 token (Microsoft's unsigned attribute
 * 1.3.6.1.4.1.311.3.3.1) whose imprint is the digest of the signer's signature, or a legacy PKCS#9 countersignature
 * with a signing time. A timestamp counts only if its own signature verifies, its certificate was valid at its time
 * and, with trust anchors, chains to one of them; otherwise it is ignored and the reason kept.
 */
final class Timestamps {

    private static final ASN1ObjectIdentifier RFC3161_COUNTERSIGN = new ASN1ObjectIdentifier("1.3.6.1.4.1.311.3.3.1");

    /**
     * @param time    when, if a timestamp verified
     * @param kind    what kind it was
     * @param problem why a timestamp present was ignored, empty otherwise
     */
    record Verified(Optional<Instant> time, TimestampKind kind, String problem) {
        static final Verified NONE = new Verified(Optional.empty(), TimestampKind.NONE, "");
    }

    private Timestamps() {
    }

    /**
     * @param signer the outer signer
     * @param pool   the outer signature's certificates, where a countersigner's certificate is
     * @param trust  the anchors for the timestamp authority's chain
     * @return the verified timestamp, or none with the reason
     */
    static Verified of(SignerInformation signer, Collection<X509CertificateHolder> pool, TrustStore trust) {
        AttributeTable unsigned = signer.getUnsignedAttributes();
        Attribute rfc3161 = unsigned == null ? null : unsigned.get(RFC3161_COUNTERSIGN);
        try {
            if (rfc3161 != null) {
                return rfc3161(signer, rfc3161, trust);
            }
            Collection<SignerInformation> counter = signer.getCounterSignatures().getSigners();
            return counter.isEmpty() ? Verified.NONE : countersignature(counter.iterator().next(), pool, trust);
        } catch (IOException | GeneralSecurityException | TSPException | CMSException | OperatorCreationException
                 | RuntimeException e) {
            return ignored("timestamp unreadable: " + e.getMessage());
        }
    }

    /** A legacy countersignature: verified with a certificate from the outer signature's own set. */
    private static Verified countersignature(SignerInformation counter, Collection<X509CertificateHolder> pool,
                                     TrustStore trust)
            throws CMSException, OperatorCreationException, GeneralSecurityException {
        X509CertificateHolder certificate = pool.stream().filter(c -> counter.getSID().match(c)).findFirst()
                .orElse(null);
        AttributeTable signed = counter.getSignedAttributes();
        Attribute signingTime = signed == null ? null : signed.get(CMSAttributes.signingTime);
        if (certificate == null || signingTime == null) {
            return ignored("countersignature without its certificate or a signing time");
        }
        Date time = Time.getInstance(signingTime.getAttrValues().getObjectAt(0)).getDate();
        if (!counter.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate))) {
            return ignored("countersignature does not verify");
        }
        ChainValidator.Result chain = ChainValidator.validate(certificate, pool, trust, time);
        return chain.trusted() ? new Verified(Optional.of(time.toInstant()), TimestampKind.COUNTERSIGNATURE, "")
                : ignored("countersigner: " + chain.problem());
    }

    private static Verified rfc3161(SignerInformation signer, Attribute attribute, TrustStore trust)
            throws IOException, GeneralSecurityException, TSPException, CMSException, OperatorCreationException {
        TimeStampToken token = new TimeStampToken(ContentInfo.getInstance(attribute.getAttrValues().getObjectAt(0)));
        Store<X509CertificateHolder> store = token.getCertificates();
        Collection<X509CertificateHolder> pool = store.getMatches(null);
        X509CertificateHolder tsa = pool.stream().filter(c -> token.getSID().match(c)).findFirst().orElse(null);
        if (tsa == null) {
            return ignored("RFC 3161 token without its TSA certificate");
        }
        String algorithm = DigestAlgorithms.jcaName(token.getTimeStampInfo().getMessageImprintAlgOID().getId())
                .orElseThrow(() -> new TSPException("unknown imprint algorithm"));
        byte[] expected = AuthenticodeHash.digest(algorithm).digest(signer.getSignature());
        if (!MessageDigest.isEqual(expected, token.getTimeStampInfo().getMessageImprintDigest())) {
            return ignored("RFC 3161 token imprint is not the digest of this signature");
        }
        token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(tsa)); // also checks validity and EKU
        Date time = token.getTimeStampInfo().getGenTime();
        ChainValidator.Result chain = ChainValidator.validate(tsa, pool, trust, time);
        return chain.trusted() ? new Verified(Optional.of(time.toInstant()), TimestampKind.RFC3161, "")
                : ignored("timestamp authority: " + chain.problem());
    }

    private static Verified ignored(String problem) {
        return new Verified(Optional.empty(), TimestampKind.NONE, problem);
    }
}
