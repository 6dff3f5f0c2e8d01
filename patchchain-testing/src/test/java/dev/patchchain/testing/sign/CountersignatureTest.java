package dev.patchchain.testing.sign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchchain.core.version.FileVersion;
import dev.patchchain.formats.authenticode.AuthenticodeVerifier;
import dev.patchchain.formats.authenticode.SignatureReport;
import dev.patchchain.formats.authenticode.SignatureStatus;
import dev.patchchain.formats.authenticode.TimestampKind;
import dev.patchchain.formats.authenticode.TrustStore;
import dev.patchchain.formats.pe.PeBuilder;
import dev.patchchain.formats.pe.PeLayout;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.util.CollectionStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The legacy PKCS#9 countersignature ({@code signtool /t}), which osslsigncode writes only with an online timestamp
 * server: we sign with osslsigncode without a timestamp, then add a countersignature by the test PKI's TSA with
 * BouncyCastle and rewrite the certificate table.
 */
class CountersignatureTest {

    @TempDir
    Path dir;

    @Test
    void anExpiredSignatureWithALegacyCountersignatureIsValidAtItsTime() throws Exception {
        Osslsigncode.require();
        Instant start = Instant.now().minus(Duration.ofDays(400)).truncatedTo(ChronoUnit.SECONDS);
        TestPki old = TestPki.create(dir, "Legacy", start, start.plus(Duration.ofDays(30)));
        Path unsigned = Files.write(dir.resolve("u.dll"), PeBuilder.dll().fileVersion(FileVersion.parse("2.0")).build());
        Path signed = dir.resolve("s.dll");
        Osslsigncode.sign(old, unsigned, signed, "sha256", Optional.empty());
        AuthenticodeVerifier verifier = new AuthenticodeVerifier(TrustStore.load(old.caFile()));
        assertThat(verifier.verify(signed).status()).isEqualTo(SignatureStatus.CHAIN_UNTRUSTED);

        Instant when = start.plus(Duration.ofDays(5));
        countersign(signed, old, when);
        SignatureReport report = verifier.verify(signed);

        assertThat(report.status()).as(report.detail()).isEqualTo(SignatureStatus.VALID);
        assertThat(report.signer().orElseThrow().timestampKind()).isEqualTo(TimestampKind.COUNTERSIGNATURE);
        assertThat(report.signer().orElseThrow().timestamp()).contains(when);
    }

    /** Adds a countersignature by the PKI's TSA at {@code when} and writes the new PKCS#7 as the only entry. */
    private static void countersign(Path file, TestPki pki, Instant when) throws Exception {
        byte[] image = Files.readAllBytes(file);
        PeLayout layout;
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            layout = PeLayout.read(channel, file.toString());
        }
        int table = (int) layout.certificateTable();
        CMSSignedData signedData;
        try (ASN1InputStream in = new ASN1InputStream(Arrays.copyOfRange(image, table + 8, image.length))) {
            signedData = new CMSSignedData(ContentInfo.getInstance(in.readObject()));
        }
        X509Certificate tsa = firstCertificate(pki.tsaChain());
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pem(pki.tsaKey())));
        ASN1EncodableVector time = new ASN1EncodableVector();
        time.add(new Attribute(CMSAttributes.signingTime, new DERSet(new Time(Date.from(when)))));
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(new AttributeTable(time)))
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(key), tsa));
        SignerInformation signer = signedData.getSignerInfos().getSigners().iterator().next();
        SignerInformation countersigned = SignerInformation.addCounterSigners(signer,
                generator.generateCounterSigners(signer));
        List<X509CertificateHolder> certificates = new ArrayList<>(signedData.getCertificates().getMatches(null));
        certificates.add(new X509CertificateHolder(tsa.getEncoded()));
        CMSSignedData result = CMSSignedData.replaceCertificatesAndCRLs(
                CMSSignedData.replaceSigners(signedData, new SignerInformationStore(countersigned)),
                new CollectionStore<>(certificates), null, null);
        byte[] der = result.toASN1Structure().getEncoded("DER");
        int length = 8 + der.length;
        int padded = (length + 7) / 8 * 8;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(image, 0, table);
        out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(length).putShort((short) 0x200)
                .putShort((short) 2).array());
        out.write(der);
        out.write(new byte[padded - length]);
        byte[] rewritten = out.toByteArray();
        ByteBuffer.wrap(rewritten).order(ByteOrder.LITTLE_ENDIAN).putInt((int) layout.certificateEntry() + 4, padded);
        Files.write(file, rewritten);
    }

    private static X509Certificate firstCertificate(Path pem) throws Exception {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificates(in).iterator().next();
        }
    }

    private static byte[] pem(Path file) throws Exception {
        String text = Files.readString(file).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(text);
    }
}
