package dev.patchchain.formats.authenticode;

import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.pe.PeLayout;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies the inline Authenticode signature of a PE file: reads the certificate table, parses its PKCS#7
 * SignedData, recomputes the image hash the {@code SpcIndirectDataContent} names, verifies the signer's signature,
 * its timestamp, and its certificate at the timestamp time (or now) against a {@link TrustStore}.
 *
 * <pre>{@code
 * SignatureReport report = new AuthenticodeVerifier(TrustStore.none()).verify(Path.of("signed.dll"));
 * report.status();                           // VALID
 * report.signer().orElseThrow().subject();   // CN=Test Code Signing
 * }</pre>
 *
 * <p>A file that is not a PE is a {@link FormatException}; a PE with a damaged signature is a report with status
 * {@link SignatureStatus#MALFORMED}. Only the first PKCS#7 entry is verified (nested signatures are not).
 */
public final class AuthenticodeVerifier {

    private final TrustStore trust;
    private final Clock clock;
    private final Map<Catalog, SignatureReport> catalogReports = new ConcurrentHashMap<>();

    /** @param trust where chains must lead; {@link TrustStore#none()} checks no chain */
    public AuthenticodeVerifier(TrustStore trust) {
        this(trust, Clock.systemUTC());
    }

    /**
     * @param trust where chains must lead
     * @param clock "now", for signatures without a timestamp
     */
    public AuthenticodeVerifier(TrustStore trust, Clock clock) {
        this.trust = trust;
        this.clock = clock;
    }

    /**
     * @param file a PE file
     * @return the verdict
     * @throws IOException a {@link FormatException} if it is not a PE, else an I/O error
     */
    public SignatureReport verify(Path file) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            return verify(channel, file.toString());
        }
    }

    /**
     * @param channel the PE file, read with positioned reads, not closed
     * @param source  its name for messages
     * @return the verdict
     * @throws IOException a {@link FormatException} if it is not a PE, else an I/O error
     */
    public SignatureReport verify(SeekableByteChannel channel, String source) throws IOException {
        PeLayout layout = PeLayout.read(channel, source);
        if (!layout.hasCertificateTable()) {
            return SignatureReport.of(SignatureStatus.UNSIGNED, "no certificate table");
        }
        SignedDataParser.Parsed parsed;
        SpcIndirectData spc;
        try {
            Optional<WinCertificate> pkcs7 = CertificateTable.read(channel, layout, source).stream()
                    .filter(c -> c.type() == WinCertificate.PKCS_SIGNED_DATA).findFirst();
            if (pkcs7.isEmpty()) {
                return SignatureReport.of(SignatureStatus.UNSIGNED, "the certificate table holds no PKCS#7 entry");
            }
            parsed = SignedDataParser.parse(pkcs7.get().content(), source);
            if (!SpcIndirectData.OID.equals(parsed.contentType())) {
                return SignatureReport.of(SignatureStatus.MALFORMED, "content type " + parsed.contentType()
                        + " is not SpcIndirectDataContent");
            }
            spc = SpcIndirectData.parse(parsed.content(), source);
        } catch (FormatException e) {
            return SignatureReport.of(SignatureStatus.MALFORMED, e.getMessage());
        }
        if (spc.algorithm().isEmpty()) {
            return SignatureReport.of(SignatureStatus.MALFORMED, "unknown digest algorithm " + spc.algorithmOid());
        }
        String image = HexFormat.of().formatHex(AuthenticodeHash.compute(channel, layout, spc.algorithm()));
        SignatureCheck.Outcome outcome = SignatureCheck.check(parsed.data(), trust, clock.instant());
        if (!image.equals(spc.digest())) {
            return new SignatureReport(SignatureStatus.HASH_MISMATCH, "the file's " + spc.algorithm()
                    + " Authenticode hash differs from the signed one: it was changed after signing",
                    outcome.signer(), spc.algorithm(), spc.digest(), image, false);
        }
        return new SignatureReport(outcome.status(), outcome.detail(), outcome.signer(), spc.algorithm(),
                spc.digest(), image, outcome.chainValidated());
    }

    /**
     * Verifies a file as Windows looks for its signature: the inline one if the file has one, else the first catalog
     * that lists its Authenticode hash (whose own signature must validate; each catalog is verified once per
     * verifier).
     *
     * @param file     a PE file
     * @param catalogs the catalogs to look in
     * @return the verdict and where it came from
     * @throws IOException a {@link FormatException} if it is not a PE, else an I/O error
     */
    public FileSignature verify(Path file, CatalogIndex catalogs) throws IOException {
        SignatureReport inline = verify(file);
        if (inline.status() != SignatureStatus.UNSIGNED) {
            return new FileSignature(inline, Optional.empty());
        }
        List<CatalogMember> members = catalogs.find(file);
        if (members.isEmpty()) {
            return new FileSignature(SignatureReport.of(SignatureStatus.UNSIGNED, "no inline signature and in none of "
                    + catalogs.catalogs().size() + " catalogs"), Optional.empty());
        }
        String name = members.get(0).catalog();
        Catalog catalog = catalogs.catalogs().stream().filter(c -> c.source().equals(name)).findFirst().orElseThrow();
        return new FileSignature(catalogReports.computeIfAbsent(catalog, this::verify), Optional.of(name));
    }

    /**
     * Verifies a catalog's own signature (its content is the certificate trust list; there is no image hash).
     *
     * @param catalog a catalog read by {@link Catalog#read(byte[], String)}
     * @return the verdict on the catalog's signature
     */
    public SignatureReport verify(Catalog catalog) {
        SignatureCheck.Outcome outcome = SignatureCheck.check(catalog.signedData(), trust, clock.instant());
        return new SignatureReport(outcome.status(), outcome.detail(), outcome.signer(), "", "", "",
                outcome.chainValidated());
    }
}
