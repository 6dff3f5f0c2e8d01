package dev.patchchain.platform.image;

import dev.patchchain.core.volume.SignerFacts;
import dev.patchchain.formats.authenticode.AuthenticodeVerifier;
import dev.patchchain.formats.authenticode.CatalogIndex;
import dev.patchchain.formats.authenticode.FileSignature;
import dev.patchchain.formats.authenticode.SignatureReport;
import dev.patchchain.formats.authenticode.Signer;
import java.io.IOException;
import java.nio.file.Path;

/** Turns a file's signature (inline, else a catalog's) into the {@link SignerFacts} core compares. */
final class SignatureReader {

    private final AuthenticodeVerifier verifier;
    private final CatalogIndex catalogs;

    SignatureReader(AuthenticodeVerifier verifier, CatalogIndex catalogs) {
        this.verifier = verifier;
        this.catalogs = catalogs;
    }

    SignerFacts read(Path file) throws IOException {
        FileSignature signature = verifier.verify(file, catalogs);
        SignatureReport report = signature.report();
        String subject = report.signer().map(Signer::subject).orElse("");
        String how = signature.catalog().map(c -> "catalog " + c).orElse("inline");
        return switch (report.status()) {
            case VALID -> SignerFacts.valid(subject, how + ", " + report.detail());
            case UNSIGNED -> SignerFacts.unsigned(report.detail());
            default -> SignerFacts.invalid(subject, how + " " + report.status() + ": " + report.detail());
        };
    }
}
