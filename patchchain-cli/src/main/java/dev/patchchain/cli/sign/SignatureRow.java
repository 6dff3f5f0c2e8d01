package dev.patchchain.cli.sign;

import dev.patchchain.formats.authenticode.FileSignature;
import dev.patchchain.formats.authenticode.SignatureStatus;
import dev.patchchain.formats.authenticode.Signer;
import java.nio.file.Path;

/**
 * One line of {@code patchchain signature}.
 *
 * @param path      the file
 * @param status    the verdict
 * @param source    {@code inline}, {@code catalog NAME}, or empty when unsigned
 * @param signer    the signer's subject, empty if none
 * @param timestamp the verified timestamp (ISO-8601), empty if none
 * @param detail    why, in one sentence
 */
record SignatureRow(Path path, SignatureStatus status, String source, String signer, String timestamp,
                    String detail) {

    static SignatureRow of(Path file, FileSignature signature) {
        var report = signature.report();
        String source = report.status() == SignatureStatus.UNSIGNED ? ""
                : signature.catalog().map(c -> "catalog " + c).orElse("inline");
        return new SignatureRow(file, report.status(), source, report.signer().map(Signer::subject).orElse(""),
                report.signer().flatMap(Signer::timestamp).map(Object::toString).orElse(""), report.detail());
    }
}
