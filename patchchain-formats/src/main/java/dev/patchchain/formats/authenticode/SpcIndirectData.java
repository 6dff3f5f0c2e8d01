package dev.patchchain.formats.authenticode;

import dev.patchchain.formats.FormatException;
import java.util.HexFormat;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.x509.DigestInfo;

/**
 * {@code SpcIndirectDataContent} (Authenticode format, OID 1.3.6.1.4.1.311.2.1.4): what was signed, here only its
 * {@code messageDigest}: {@code SEQUENCE { data SpcAttributeTypeAndOptionalValue, messageDigest DigestInfo }}.
 *
 * @param algorithmOid the digest algorithm's object identifier
 * @param algorithm    its JCA name, empty if unknown
 * @param digest       the digest, lower-case hex
 */
record SpcIndirectData(String algorithmOid, String algorithm, String digest) {

    /** The content type of Authenticode signed data and of a catalog member's indirect data attribute. */
    static final String OID = "1.3.6.1.4.1.311.2.1.4";

    static SpcIndirectData parse(ASN1Encodable content, String source) throws FormatException {
        try {
            ASN1Sequence sequence = ASN1Sequence.getInstance(content);
            if (sequence.size() != 2) {
                throw new IllegalArgumentException("SEQUENCE of " + sequence.size() + " elements, expected 2");
            }
            DigestInfo info = DigestInfo.getInstance(sequence.getObjectAt(1));
            String oid = info.getAlgorithmId().getAlgorithm().getId();
            return new SpcIndirectData(oid, DigestAlgorithms.jcaName(oid).orElse(""),
                    HexFormat.of().formatHex(info.getDigest()));
        } catch (RuntimeException e) { // BouncyCastle's getInstance on unexpected structures
            throw new FormatException(FormatException.Kind.CORRUPT, source, -1,
                    "SpcIndirectDataContent is malformed: " + e);
        }
    }
}
