package dev.patchchain.formats.authenticode;

import dev.patchchain.formats.FormatException;
import java.io.IOException;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;

/**
 * Parses untrusted DER as PKCS#7 SignedData with BouncyCastle, turning every failure (BouncyCastle throws checked
 * and unchecked exceptions for bad DER) into a {@link FormatException}.
 */
final class SignedDataParser {

    /**
     * @param data        the SignedData
     * @param contentType the encapsulated content's type
     * @param content     the encapsulated content (for Authenticode and catalogs, not an OCTET STRING)
     */
    record Parsed(CMSSignedData data, String contentType, ASN1Encodable content) {
    }

    private SignedDataParser() {
    }

    static Parsed parse(byte[] der, String source) throws FormatException {
        try {
            // One object only: a WIN_CERTIFICATE pads its content to 8 bytes, and BouncyCastle refuses trailing bytes.
            ASN1Primitive first;
            try (ASN1InputStream in = new ASN1InputStream(der)) {
                first = in.readObject();
            }
            if (first == null) {
                throw new FormatException(FormatException.Kind.CORRUPT, source, -1, "empty PKCS#7 SignedData");
            }
            CMSSignedData data = new CMSSignedData(ContentInfo.getInstance(first));
            SignedData structure = SignedData.getInstance(data.toASN1Structure().getContent());
            ASN1Encodable content = structure.getEncapContentInfo().getContent();
            if (content == null) {
                throw new FormatException(FormatException.Kind.CORRUPT, source, -1,
                        "PKCS#7 SignedData has no encapsulated content");
            }
            // BouncyCastle decodes signer infos and certificates lazily: decode them now, so that bad DER in them
            // fails here, typed, and not later in a check.
            data.getSignerInfos().getSigners().forEach(SignerInformation::getSID);
            data.getCertificates().getMatches(null);
            return new Parsed(data, data.getSignedContentTypeOID(), content);
        } catch (IOException | CMSException | RuntimeException e) {
            throw new FormatException(FormatException.Kind.CORRUPT, source, -1, "not a readable PKCS#7 SignedData: "
                    + e.getMessage());
        }
    }
}
