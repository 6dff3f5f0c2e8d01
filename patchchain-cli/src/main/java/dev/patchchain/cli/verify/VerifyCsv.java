package dev.patchchain.cli.verify;

import dev.patchchain.cli.render.Csv;
import dev.patchchain.core.verify.FileCheck;
import dev.patchchain.core.verify.UpdateCheck;
import dev.patchchain.core.verify.Verifier;
import dev.patchchain.core.verify.VerifyReport;

/** {@code verify --csv}: one row per expected file; an update without files gets one row with an empty path. */
final class VerifyCsv {

    private VerifyCsv() {
    }

    static String render(VerifyReport report) {
        Csv csv = new Csv("update", "update_status", "path", "expected_version", "found_now", "found_after_reboot",
                "file_status", "queue_entry", "detail");
        for (UpdateCheck u : report.updates()) {
            if (u.files().isEmpty()) {
                csv.row(u.update().id().value(), u.status().name(), "", "", "", "", "", "", u.detail());
            }
            for (FileCheck f : u.files()) {
                csv.row(u.update().id().value(), u.status().name(), f.expected().path().toString(),
                        f.expected().version().map(Object::toString).orElse(""), Verifier.describe(f.now()),
                        Verifier.describe(f.after()), f.status().name(),
                        f.cause().map(c -> "#" + c.index() + " " + c.status()).orElse(""), f.detail());
            }
        }
        return csv.render();
    }
}
