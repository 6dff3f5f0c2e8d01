package dev.patchchain.platform.image;

import dev.patchchain.core.volume.SignerFacts;
import dev.patchchain.formats.authenticode.AuthenticodeVerifier;
import dev.patchchain.formats.authenticode.CatalogIndex;
import dev.patchchain.formats.authenticode.CatalogMember;
import dev.patchchain.formats.authenticode.SignatureReport;
import dev.patchchain.formats.authenticode.SignatureStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides a file's {@link SignerFacts} as Windows would find its signature: the inline Authenticode signature if the
 * file has one, else a catalog that lists its Authenticode hash (whose own signature must validate). Catalog
 * signatures are verified once each.
 */
final class SignatureReader {

    private final AuthenticodeVerifier verifier;
    private final CatalogIndex catalogs;
    private final Map<String, SignatureReport> catalogReports = new ConcurrentHashMap<>();

    SignatureReader(AuthenticodeVerifier verifier, CatalogIndex catalogs) {
        this.verifier = verifier;
        this.catalogs = catalogs;
    }

    SignerFacts read(Path file) throws IOException {
        SignatureReport inline = verifier.verify(file);
        String subject = inline.signer().map(s -> s.subject()).orElse("");
        if (inline.status() == SignatureStatus.VALID) {
            return SignerFacts.valid(subject, "inline, " + inline.detail());
        }
        if (inline.status() != SignatureStatus.UNSIGNED) {
            return SignerFacts.invalid(subject, "inline " + inline.status() + ": " + inline.detail());
        }
        List<CatalogMember> members = catalogs.find(file);
        if (members.isEmpty()) {
            return SignerFacts.unsigned("no inline signature and in none of " + catalogs.catalogs().size()
                    + " catalogs");
        }
        CatalogMember member = members.get(0);
        SignatureReport report = catalogReports.computeIfAbsent(member.catalog(), name -> verifier.verify(
                catalogs.catalogs().stream().filter(c -> c.source().equals(name)).findFirst().orElseThrow()));
        String signer = report.signer().map(s -> s.subject()).orElse("");
        return report.status() == SignatureStatus.VALID
                ? SignerFacts.valid(signer, "catalog " + member.catalog() + ", " + report.detail())
                : SignerFacts.invalid(signer, "catalog " + member.catalog() + " " + report.status() + ": "
                        + report.detail());
    }
}
