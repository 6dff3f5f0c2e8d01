package dev.patchchain.formats.authenticode;

import dev.patchchain.formats.FormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.cms.CMSSignedData;

/**
 * A Windows security catalog ({@code .cat}): a PKCS#7 SignedData whose content is a certificate trust list
 * (OID 1.3.6.1.4.1.311.10.1) of members, each identified by a file's Authenticode hash and carrying attributes such as
 * its file name, plus catalog-wide attributes such as {@code OSAttr}. See docs/trust.md for the layout.
 *
 * <pre>{@code
 * Catalog cat = Catalog.read(Path.of("ntexe.cat"));
 * cat.members().size();            // 18
 * cat.attributes().get("OSAttr");  // 2:10.0
 * }</pre>
 *
 * <p>Reading does not verify the catalog's signature: {@link AuthenticodeVerifier#verify(Catalog)} does.
 */
public final class Catalog {

    /** {@code szOID_CTL}: the content type of a catalog. */
    static final String CTL = "1.3.6.1.4.1.311.10.1";
    /** Larger catalog files are refused before they are read; Windows' largest are a few MiB. */
    static final long MAX_SIZE = 64L << 20;
    private static final int SHA1_LENGTH = 20;
    private static final int SHA256_LENGTH = 32;

    private final String source;
    private final List<CatalogMember> members;
    private final Map<String, String> attributes;
    private final CMSSignedData signedData;

    private Catalog(String source, List<CatalogMember> members, Map<String, String> attributes,
                    CMSSignedData signedData) {
        this.source = source;
        this.members = List.copyOf(members);
        this.attributes = Map.copyOf(attributes);
        this.signedData = signedData;
    }

    /**
     * @param file a {@code .cat} file
     * @return the catalog
     * @throws IOException a {@link FormatException} if it is not a readable catalog
     */
    public static Catalog read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_SIZE) {
            throw new FormatException(FormatException.Kind.UNSUPPORTED, file.toString(), -1, "catalog of " + size
                    + " bytes exceeds the " + MAX_SIZE + " accepted");
        }
        return read(Files.readAllBytes(file), file.getFileName().toString());
    }

    /**
     * @param der    the catalog's bytes
     * @param source its name, kept in every member
     * @return the catalog
     * @throws FormatException if it is not PKCS#7 SignedData with a certificate trust list
     */
    public static Catalog read(byte[] der, String source) throws FormatException {
        SignedDataParser.Parsed parsed = SignedDataParser.parse(der, source);
        if (!CTL.equals(parsed.contentType())) {
            throw new FormatException(FormatException.Kind.NOT_THIS_FORMAT, source, -1, "content type "
                    + parsed.contentType() + " is not a certificate trust list (" + CTL + ")");
        }
        try {
            ASN1Sequence ctl = ASN1Sequence.getInstance(parsed.content());
            List<CatalogMember> members = new ArrayList<>();
            Map<String, String> attributes = new LinkedHashMap<>();
            // CertificateTrustList: [version], subjectUsage, [listIdentifier], [sequenceNumber], thisUpdate,
            // [nextUpdate], subjectAlgorithm, [trustedSubjects], [0] extensions. Only the last three are read.
            int algorithm = -1;
            for (int i = 1; i < ctl.size(); i++) {
                if (ctl.getObjectAt(i) instanceof ASN1Sequence) {
                    algorithm = i;
                    break;
                }
            }
            for (int i = algorithm + 1; algorithm > 0 && i < ctl.size(); i++) {
                ASN1Encodable element = ctl.getObjectAt(i);
                if (element instanceof ASN1Sequence subjects) {
                    for (ASN1Encodable subject : subjects) {
                        members.add(member(ASN1Sequence.getInstance(subject), source));
                    }
                } else if (element instanceof ASN1TaggedObject extensions) {
                    for (ASN1Encodable extension : ASN1Sequence.getInstance(extensions.getExplicitBaseObject())) {
                        ASN1Sequence e = ASN1Sequence.getInstance(extension);
                        if (ASN1ObjectIdentifier.getInstance(e.getObjectAt(0)).getId()
                                .equals(CatalogAttributes.NAME_VALUE)) {
                            byte[] value = ASN1OctetString.getInstance(e.getObjectAt(e.size() - 1)).getOctets();
                            CatalogAttributes.nameValue(ASN1Sequence.getInstance(value), attributes);
                        }
                    }
                }
            }
            return new Catalog(source, members, attributes, parsed.data());
        } catch (RuntimeException e) { // BouncyCastle's getInstance and getObjectAt on unexpected structures
            throw new FormatException(FormatException.Kind.CORRUPT, source, -1, "certificate trust list is malformed: "
                    + e);
        }
    }

    private static CatalogMember member(ASN1Sequence subject, String source) throws FormatException {
        byte[] id = ASN1OctetString.getInstance(subject.getObjectAt(0)).getOctets();
        String tag = tag(id);
        Set<String> hashes = new LinkedHashSet<>();
        if (tag.length() == 2 * SHA1_LENGTH || tag.length() == 2 * SHA256_LENGTH) {
            hashes.add(tag);
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        if (subject.size() > 1) {
            for (ASN1Encodable a : ASN1Set.getInstance(subject.getObjectAt(1))) {
                ASN1Sequence attribute = ASN1Sequence.getInstance(a);
                String oid = ASN1ObjectIdentifier.getInstance(attribute.getObjectAt(0)).getId();
                ASN1Set values = ASN1Set.getInstance(attribute.getObjectAt(1));
                if (values.size() == 0) {
                    continue;
                }
                if (oid.equals(SpcIndirectData.OID)) {
                    hashes.add(SpcIndirectData.parse(values.getObjectAt(0), source).digest());
                } else if (oid.equals(CatalogAttributes.NAME_VALUE)) {
                    CatalogAttributes.nameValue(values.getObjectAt(0), attributes);
                }
            }
        }
        return new CatalogMember(source, tag, List.copyOf(hashes), attributes);
    }

    /** A raw SHA-1/SHA-256 tag, or the UTF-16LE hex text older catalogs use, as hex; other text as it is. */
    private static String tag(byte[] id) {
        if (id.length == SHA1_LENGTH || id.length == SHA256_LENGTH) {
            return HexFormat.of().formatHex(id);
        }
        String text = new String(id, StandardCharsets.UTF_16LE).replace("\0", "");
        if (!text.isEmpty() && text.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return text.toLowerCase(Locale.ROOT);
        }
        return text.isBlank() ? HexFormat.of().formatHex(id) : text;
    }

    /** @return the source name given when reading */
    public String source() {
        return source;
    }

    /** @return the members, in catalog order */
    public List<CatalogMember> members() {
        return members;
    }

    /** @return catalog-wide name/value attributes, e.g. {@code OSAttr} */
    public Map<String, String> attributes() {
        return attributes;
    }

    CMSSignedData signedData() {
        return signedData;
    }
}
