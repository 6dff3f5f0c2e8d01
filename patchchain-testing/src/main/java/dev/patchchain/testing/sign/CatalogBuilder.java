package dev.patchchain.testing.sign;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.DERUTCTime;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.DigestInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.util.CollectionStore;
import org.bouncycastle.util.Store;

/**
 * Writes a small security catalog ({@code .cat}) as Windows' MakeCat lays one out: PKCS#7 SignedData over a
 * certificate trust list (1.3.6.1.4.1.311.10.1) whose members carry a hash tag, an {@code SpcIndirectDataContent}
 * with the same digest and a {@code File} name, plus catalog-wide name/value attributes. Signed by a fresh
 * self-signed certificate {@code CN=Test Catalog Signer}.
 *
 * <pre>{@code
 * byte[] cat = new CatalogBuilder().member(sha256, "foo.dll").attribute("OSAttr", "2:10.0").build();
 * }</pre>
 */
public final class CatalogBuilder {

    private static final String CTL = "1.3.6.1.4.1.311.10.1";
    private static final String CATALOG_LIST = "1.3.6.1.4.1.311.12.1.1";
    private static final String CATALOG_LIST_MEMBER_V2 = "1.3.6.1.4.1.311.12.1.3";
    private static final String NAME_VALUE = "1.3.6.1.4.1.311.12.2.1";
    private static final String SPC_INDIRECT_DATA = "1.3.6.1.4.1.311.2.1.4";
    private static final String SPC_PE_IMAGE_DATA = "1.3.6.1.4.1.311.2.1.15";
    private static final String SHA1 = "1.3.14.3.2.26";
    private static final String SHA256 = "2.16.840.1.101.3.4.2.1";
    private static final int NAME_VALUE_FLAGS = 0x10010001; // as MakeCat writes them

    private final List<ASN1Encodable> members = new ArrayList<>();
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private boolean textTags;

    /**
     * Writes tags as older catalogs do: the hash as UTF-16LE upper-case hex text, not raw bytes.
     *
     * @return this
     */
    public CatalogBuilder textTags() {
        this.textTags = true;
        return this;
    }

    /**
     * @param hash     a file's Authenticode hash (20 bytes: SHA-1, 32: SHA-256)
     * @param fileName its {@code File} attribute
     * @return this
     */
    public CatalogBuilder member(byte[] hash, String fileName) {
        byte[] tag = textTags ? HexFormat.of().withUpperCase().formatHex(hash).getBytes(StandardCharsets.UTF_16LE)
                : hash;
        DERSequence indirect = new DERSequence(new ASN1Encodable[] {
            new DERSequence(new ASN1Encodable[] {new ASN1ObjectIdentifier(SPC_PE_IMAGE_DATA), new DERSequence()}),
            new DigestInfo(new AlgorithmIdentifier(new ASN1ObjectIdentifier(hash.length == 20 ? SHA1 : SHA256),
                    DERNull.INSTANCE), hash)});
        members.add(new DERSequence(new ASN1Encodable[] {new DEROctetString(tag), new DERSet(new ASN1Encodable[] {
            attribute(SPC_INDIRECT_DATA, indirect),
            attribute(NAME_VALUE, nameValue("File", fileName))})}));
        return this;
    }

    /**
     * @param name  a catalog-wide attribute, e.g. {@code OSAttr}
     * @param value its value, e.g. {@code 2:10.0}
     * @return this
     */
    public CatalogBuilder attribute(String name, String value) {
        attributes.put(name, value);
        return this;
    }

    /** @return the DER bytes of the signed catalog */
    public byte[] build() {
        ASN1EncodableVector extensions = new ASN1EncodableVector();
        for (Map.Entry<String, String> a : attributes.entrySet()) {
            try {
                extensions.add(new DERSequence(new ASN1Encodable[] {new ASN1ObjectIdentifier(NAME_VALUE),
                    new DEROctetString(nameValue(a.getKey(), a.getValue()).getEncoded())}));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        DERSequence ctl = new DERSequence(new ASN1Encodable[] {
            new DERSequence(new ASN1ObjectIdentifier(CATALOG_LIST)),
            new DEROctetString(new byte[16]),
            new DERUTCTime(Date.from(Instant.now().truncatedTo(ChronoUnit.SECONDS))),
            new DERSequence(new ASN1Encodable[] {new ASN1ObjectIdentifier(CATALOG_LIST_MEMBER_V2), DERNull.INSTANCE}),
            new DERSequence(members.toArray(ASN1Encodable[]::new)),
            new DERTaggedObject(true, 0, new DERSequence(extensions))});
        try {
            return sign(ctl);
        } catch (GeneralSecurityException | OperatorCreationException | CMSException | IOException e) {
            throw new IllegalStateException("cannot sign the test catalog", e);
        }
    }

    /**
     * Signs the content as PKCS#7 does for a non-data type: the digest covers the CTL's DER without its outer
     * tag and length, and the content is embedded as the SEQUENCE itself, not wrapped in an OCTET STRING.
     */
    private static byte[] sign(DERSequence ctl)
            throws GeneralSecurityException, OperatorCreationException, CMSException, IOException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        X500Name name = new X500Name("CN=Test Catalog Signer");
        Instant now = Instant.now();
        ContentSigner signer = new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate());
        X509CertificateHolder certificate = new JcaX509v3CertificateBuilder(name, BigInteger.ONE,
                Date.from(now.minusSeconds(3600)), Date.from(now.plusSeconds(30L * 24 * 3600)), name,
                keys.getPublic()).build(signer);
        ByteArrayOutputStream inner = new ByteArrayOutputStream();
        for (ASN1Encodable element : ctl) {
            inner.write(element.toASN1Primitive().getEncoded("DER"));
        }
        CMSSignedDataGenerator cms = new CMSSignedDataGenerator();
        cms.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                .build(signer, certificate));
        Store<X509CertificateHolder> certificates = new CollectionStore<>(List.of(certificate));
        cms.addCertificates(certificates);
        CMSSignedData detached = cms.generate(new CMSProcessableByteArray(new ASN1ObjectIdentifier(CTL),
                inner.toByteArray()), false);
        SignedData outer = SignedData.getInstance(detached.toASN1Structure().getContent());
        SignedData attached = new SignedData(outer.getDigestAlgorithms(),
                new ContentInfo(new ASN1ObjectIdentifier(CTL), ctl), outer.getCertificates(), outer.getCRLs(),
                outer.getSignerInfos());
        return new ContentInfo(ContentInfo.signedData, attached).getEncoded("DER");
    }

    private static DERSequence attribute(String oid, ASN1Encodable value) {
        return new DERSequence(new ASN1Encodable[] {new ASN1ObjectIdentifier(oid), new DERSet(value)});
    }

    private static DERSequence nameValue(String name, String value) {
        return new DERSequence(new ASN1Encodable[] {new DERBMPString(name), new ASN1Integer(NAME_VALUE_FLAGS),
            new DEROctetString((value + "\0").getBytes(StandardCharsets.UTF_16LE))});
    }
}
