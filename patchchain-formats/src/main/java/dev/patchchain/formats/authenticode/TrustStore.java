package dev.patchchain.formats.authenticode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The certificates a signature chain must lead to. The default, {@link #none()}, has no anchors: signatures are then
 * checked (hash, signature, signer validity at the timestamp) but chains are not validated, and reports say so.
 *
 * <pre>{@code
 * TrustStore store = TrustStore.load(Path.of("/etc/patchchain/anchors"));   // PEM or DER files, or one file
 * }</pre>
 */
public final class TrustStore {

    private static final TrustStore NONE = new TrustStore(List.of());
    private final List<X509Certificate> anchors;

    private TrustStore(List<X509Certificate> anchors) {
        this.anchors = List.copyOf(anchors);
    }

    /** @return the default: no trust anchors, chains are not validated */
    public static TrustStore none() {
        return NONE;
    }

    /**
     * @param anchors the trusted certificates
     * @return a store with them
     */
    public static TrustStore of(List<X509Certificate> anchors) {
        return new TrustStore(anchors);
    }

    /**
     * @param fileOrDirectory a PEM (one or more certificates) or DER certificate file, or a directory whose regular
     *                        files are such (not recursive)
     * @return a store with every certificate found
     * @throws IOException if a file cannot be read or is not a certificate
     */
    public static TrustStore load(Path fileOrDirectory) throws IOException {
        List<X509Certificate> found = new ArrayList<>();
        if (Files.isDirectory(fileOrDirectory)) {
            try (Stream<Path> files = Files.list(fileOrDirectory)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    found.addAll(read(file));
                }
            }
        } else {
            found.addAll(read(fileOrDirectory));
        }
        return new TrustStore(found);
    }

    /** @return the anchors */
    public List<X509Certificate> anchors() {
        return anchors;
    }

    /** @return true if there are no anchors, so chains are not validated */
    public boolean isEmpty() {
        return anchors.isEmpty();
    }

    private static List<X509Certificate> read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> certificates = new ArrayList<>();
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                certificates.add((X509Certificate) c);
            }
            if (certificates.isEmpty()) {
                throw new IOException(file + ": no certificate found");
            }
            return certificates;
        } catch (CertificateException e) {
            throw new IOException(file + ": not a PEM or DER certificate: " + e.getMessage(), e);
        }
    }
}
