package dev.patchchain.formats.authenticode;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1String;

/**
 * Decodes {@code CAT_NAMEVALUE} (OID 1.3.6.1.4.1.311.12.2.1):
 * {@code SEQUENCE { tag BMPString, flags INTEGER, value OCTET STRING (UTF-16LE, NUL-terminated) }}.
 */
final class CatalogAttributes {

    /** {@code CAT_NAMEVALUE_OBJID}. */
    static final String NAME_VALUE = "1.3.6.1.4.1.311.12.2.1";

    private CatalogAttributes() {
    }

    /**
     * @param value the attribute value
     * @param into  where the decoded name and value go
     * @throws IllegalArgumentException if the value is not a name/value sequence
     */
    static void nameValue(ASN1Encodable value, Map<String, String> into) {
        ASN1Sequence sequence = ASN1Sequence.getInstance(value);
        if (sequence.size() != 3 || !(sequence.getObjectAt(0) instanceof ASN1String name)) {
            throw new IllegalArgumentException("CAT_NAMEVALUE is not SEQUENCE { BMPString, INTEGER, OCTET STRING }");
        }
        String text = new String(ASN1OctetString.getInstance(sequence.getObjectAt(2)).getOctets(),
                StandardCharsets.UTF_16LE);
        int nul = text.indexOf('\0');
        into.put(name.getString(), nul < 0 ? text : text.substring(0, nul));
    }
}
