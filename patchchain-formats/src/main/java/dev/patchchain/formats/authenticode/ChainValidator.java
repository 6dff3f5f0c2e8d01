package dev.patchchain.formats.authenticode;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;

/**
 * Checks a signer (or timestamp authority) certificate at the time that counts: with no trust anchors only its own
 * validity period; with anchors a PKIX path from it to one of them (JDK {@code CertPathBuilder}, revocation not
 * checked, the signature's own certificates as intermediates).
 */
final class ChainValidator {

    /** Longest issuer chain followed among a signature's own certificates. */
    private static final int MAX_DEPTH = 10;

    /**
     * @param trusted true if the certificate is trusted at that time
     * @param chain   subjects from the certificate up
     * @param problem why not, empty when trusted
     */
    record Result(boolean trusted, List<String> chain, String problem) {
    }

    private ChainValidator() {
    }

    static Result validate(X509CertificateHolder target, Collection<X509CertificateHolder> pool, TrustStore trust,
                           Date at) {
        List<String> issuers = issuerChain(target, pool);
        if (trust.isEmpty()) {
            return target.isValidOn(at) ? new Result(true, issuers, "")
                    : new Result(false, issuers, "certificate " + target.getSubject() + " is not valid on "
                    + at.toInstant() + " (valid " + target.getNotBefore().toInstant() + " to "
                    + target.getNotAfter().toInstant() + ")");
        }
        try {
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
            List<X509Certificate> intermediates = new ArrayList<>();
            for (X509CertificateHolder holder : pool) {
                intermediates.add(converter.getCertificate(holder));
            }
            Set<TrustAnchor> anchors = new HashSet<>();
            for (X509Certificate anchor : trust.anchors()) {
                anchors.add(new TrustAnchor(anchor, null));
            }
            X509CertSelector selector = new X509CertSelector();
            selector.setCertificate(converter.getCertificate(target));
            PKIXBuilderParameters parameters = new PKIXBuilderParameters(anchors, selector);
            parameters.setRevocationEnabled(false);
            parameters.setDate(at);
            parameters.addCertStore(CertStore.getInstance("Collection",
                    new CollectionCertStoreParameters(intermediates)));
            PKIXCertPathBuilderResult result =
                    (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX").build(parameters);
            List<String> path = new ArrayList<>();
            result.getCertPath().getCertificates().forEach(c -> path.add(subject((X509Certificate) c)));
            path.add(subject(result.getTrustAnchor().getTrustedCert()));
            return new Result(true, path, "");
        } catch (GeneralSecurityException e) {
            return new Result(false, issuers, "no trusted chain on " + at.toInstant() + ": " + e.getMessage());
        }
    }

    private static String subject(X509Certificate certificate) {
        return X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()).toString();
    }

    /** Subjects from {@code target} up its issuers among {@code pool}, stopping at a self-issued certificate. */
    private static List<String> issuerChain(X509CertificateHolder target, Collection<X509CertificateHolder> pool) {
        List<String> chain = new ArrayList<>();
        Set<X509CertificateHolder> visited = new HashSet<>();
        X509CertificateHolder current = target;
        while (current != null && visited.add(current) && chain.size() < MAX_DEPTH) {
            chain.add(current.getSubject().toString());
            X500Name issuer = current.getIssuer();
            current = issuer.equals(current.getSubject()) ? null
                    : pool.stream().filter(c -> c.getSubject().equals(issuer)).findFirst().orElse(null);
        }
        return chain;
    }
}
