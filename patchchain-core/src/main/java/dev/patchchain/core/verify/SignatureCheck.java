package dev.patchchain.core.verify;

import dev.patchchain.core.volume.PathState;
import dev.patchchain.core.volume.SignerFacts;
import java.util.Optional;

/**
 * Turns a file that is current by version (or content) into a signature verdict when signatures are required: the
 * file judged is the one in place after the next boot, the one Windows will load. A valid signature keeps the
 * status and adds the signer to the detail; anything else replaces it.
 */
final class SignatureCheck {

    private SignatureCheck() {
    }

    static FileCheck apply(FileCheck check, SignaturePolicy policy) {
        boolean current = check.status() == VerifyStatus.CURRENT || check.status() == VerifyStatus.CURRENT_AFTER_REBOOT;
        if (!policy.required() || !current || !(check.after() instanceof PathState.File file)) {
            return check;
        }
        Optional<SignerFacts> signer = file.facts().signer();
        if (signer.isEmpty()) {
            return with(check, VerifyStatus.UNVERIFIABLE, "cannot verify the signature of " + path(check)
                    + ": the file could not be read");
        }
        SignerFacts facts = signer.get();
        if (facts.valid()) {
            return with(check, check.status(), check.detail() + "; signed by " + facts.subject() + " (" + facts.detail()
                    + ")");
        }
        if (facts.signed()) {
            return with(check, VerifyStatus.SIGNATURE_INVALID, "signature invalid: " + path(check) + " "
                    + Verifier.describe(file) + (facts.subject().isEmpty() ? "" : ", signer " + facts.subject())
                    + ": " + facts.detail());
        }
        if (policy.catalogs() == 0) {
            return with(check, VerifyStatus.UNSIGNED, "unsigned: " + path(check) + " " + Verifier.describe(file)
                    + " has no inline signature and the image has no catalogs");
        }
        return with(check, VerifyStatus.NOT_IN_CATALOG, "not in catalog: " + path(check) + " "
                + Verifier.describe(file) + " has no inline signature and none of the image's " + policy.catalogs()
                + " catalogs lists it");
    }

    private static String path(FileCheck check) {
        return check.expected().path().toString();
    }

    private static FileCheck with(FileCheck check, VerifyStatus status, String detail) {
        return new FileCheck(check.update(), check.expected(), status, check.now(), check.after(), check.cause(), detail);
    }
}
