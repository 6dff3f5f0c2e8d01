package dev.patchchain.formats.authenticode;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.text.ParseException;
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
import org.bouncycastle.asn1.tsp.TSTInfo;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * Finds and verifies the timestamp of a signer: an RFC 3161 token (Microsoft's unsigned attribute
 * 1.3.6.1.4.1.311.3.3.1) whose imprint is the digest of the signer's signature, or a legacy PKCS#9 countersignature
 * with a signing time. A timestamp counts only if its own signature verifies, its certificate was valid at its time
 * and, with trust anchors, chains to one of them; otherwise it is ignored and the reason kept.
 */
final class Timestamps {

    private static final ASN1ObjectIdentifier RFC3161_COUNTERSIGN = new ASN1ObjectIdentifier("1.3.6.1.4.1.311.3.3.1");
    private static final String TST_INFO = "1.2.840.113549.1.9.16.1.4"; // id-ct-TSTInfo, RFC 3161

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
        } catch (IOException | ParseException | GeneralSecurityException | CMSException | OperatorCreationException
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
            throws IOException, ParseException, GeneralSecurityException, CMSException, OperatorCreationException {
        // Read by hand rather than with TimeStampToken, which refuses a signing-time attribute that differs from
        // genTime, as osslsigncode's offline TSA writes it. Validity at genTime is checked by the chain below.
        CMSSignedData token = new CMSSignedData(ContentInfo.getInstance(attribute.getAttrValues().getObjectAt(0)));
        if (!TST_INFO.equals(token.getSignedContentTypeOID()) || token.getSignerInfos().size() != 1) {
            return ignored("RFC 3161 attribute is not a TSTInfo with one signer");
        }
        TSTInfo info = TSTInfo.getInstance(token.getSignedContent().getContent());
        SignerInformation tsaSigner = token.getSignerInfos().getSigners().iterator().next();
        Collection<X509CertificateHolder> pool = token.getCertificates().getMatches(null);
        X509CertificateHolder tsa = pool.stream().filter(c -> tsaSigner.getSID().match(c)).findFirst().orElse(null);
        if (tsa == null) {
            return ignored("RFC 3161 token without its TSA certificate");
        }
        String algorithm = DigestAlgorithms.jcaName(info.getMessageImprint().getHashAlgorithm().getAlgorithm().getId())
                .orElse("");
        if (algorithm.isEmpty() || !MessageDigest.isEqual(AuthenticodeHash.digest(algorithm)
                .digest(signer.getSignature()), info.getMessageImprint().getHashedMessage())) {
            return ignored("RFC 3161 token imprint is not the digest of this signature");
        }
        if (!tsaSigner.verify(new JcaSimpleSignerInfoVerifierBuilder()
                .build(new JcaX509CertificateConverter().getCertificate(tsa).getPublicKey()))) {
            return ignored("RFC 3161 token signature does not verify");
        }
        ExtendedKeyUsage usage = ExtendedKeyUsage.fromExtensions(tsa.getExtensions());
        if (usage == null || !usage.hasKeyPurposeId(KeyPurposeId.id_kp_timeStamping)) {
            return ignored("TSA certificate " + tsa.getSubject() + " lacks the timeStamping extended key usage");
        }
        Date time = info.getGenTime().getDate();
        ChainValidator.Result chain = ChainValidator.validate(tsa, pool, trust, time);
        return chain.trusted() ? new Verified(Optional.of(time.toInstant()), TimestampKind.RFC3161, "")
                : ignored("timestamp authority: " + chain.problem());
    }

    private static Verified ignored(String problem) {
        return new Verified(Optional.empty(), TimestampKind.NONE, problem);
    }
}
