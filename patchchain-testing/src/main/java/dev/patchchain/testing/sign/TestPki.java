package dev.patchchain.testing.sign;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away PKI made in a test: a root CA, a code-signing certificate and a timestamp-authority certificate
 * issued by it, written as PEM files that {@code osslsigncode} and our trust store read. Nothing is fixed: every
 * run makes new keys (RSA 2048, SHA-256).
 *
 * <pre>{@code
 * TestPki pki = TestPki.create(tempDir, "Alice", Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(...));
 * Osslsigncode.sign(pki, unsigned, signed, "sha256", Optional.empty());
 * }</pre>
 *
 * @param ca                the CA certificate, also written to {@code <name>-ca.pem}
 * @param caFile            its PEM file
 * @param signerCertificate the code-signing certificate (subject {@code CN=<name> Code Signing}) followed by the
 *                          CA, PEM, so that signatures carry the chain
 * @param signerKey         its PKCS#8 private key, PEM
 * @param tsaChain          the TSA certificate followed by the CA, PEM
 * @param tsaKey            the TSA's private key, PEM
 */
public record TestPki(X509Certificate ca, Path caFile, Path signerCertificate, Path signerKey, Path tsaChain,
                      Path tsaKey) {

    private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime());

    /**
     * @param dir       where the PEM files go
     * @param name      a name for subjects and files, e.g. {@code Alice}
     * @param notBefore start of every certificate's validity
     * @param notAfter  end of the signer's and TSA's validity (the CA's runs a year longer)
     * @return the PKI
     */
    public static TestPki create(Path dir, String name, Instant notBefore, Instant notAfter) {
        try {
            KeyPair caKeys = keys();
            X500Name caName = new X500Name("CN=" + name + " Test CA");
            X509Certificate ca = issue(caName, caKeys, caName, caKeys.getPublic(), notBefore,
                    notAfter.plusSeconds(365L * 24 * 3600), b -> {
                        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
                        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
                    });
            KeyPair signerKeys = keys();
            X509Certificate signer = issue(caName, caKeys, new X500Name("CN=" + name + " Code Signing"),
                    signerKeys.getPublic(), notBefore, notAfter, b -> b.addExtension(Extension.extendedKeyUsage,
                            false, new ExtendedKeyUsage(KeyPurposeId.id_kp_codeSigning)));
            KeyPair tsaKeys = keys();
            X509Certificate tsa = issue(caName, caKeys, new X500Name("CN=" + name + " Timestamps"),
                    tsaKeys.getPublic(), notBefore, notAfter, b -> b.addExtension(Extension.extendedKeyUsage,
                            true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping)));
            Path caFile = write(dir.resolve(name + "-ca.pem"), pem("CERTIFICATE", ca.getEncoded()));
            return new TestPki(ca, caFile,
                    write(dir.resolve(name + "-signer.pem"), pem("CERTIFICATE", signer.getEncoded())
                            + pem("CERTIFICATE", ca.getEncoded())),
                    write(dir.resolve(name + "-signer.key"), pem("PRIVATE KEY", signerKeys.getPrivate().getEncoded())),
                    write(dir.resolve(name + "-tsa.pem"), pem("CERTIFICATE", tsa.getEncoded())
                            + pem("CERTIFICATE", ca.getEncoded())),
                    write(dir.resolve(name + "-tsa.key"), pem("PRIVATE KEY", tsaKeys.getPrivate().getEncoded())));
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot make the test PKI", e);
        }
    }

    /** Adds extensions to a certificate being built. */
    @FunctionalInterface
    private interface Extensions {
        void add(X509v3CertificateBuilder builder) throws IOException;
    }

    private static X509Certificate issue(X500Name issuer, KeyPair issuerKeys, X500Name subject,
                                         java.security.PublicKey key, Instant from, Instant to, Extensions extensions)
            throws GeneralSecurityException, OperatorCreationException, IOException {
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(from), Date.from(to), subject, key);
        extensions.add(builder);
        PrivateKey signingKey = issuerKeys.getPrivate();
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(signingKey)));
    }

    private static KeyPair keys() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static Path write(Path file, String text) {
        try {
            return Files.writeString(file, text, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
