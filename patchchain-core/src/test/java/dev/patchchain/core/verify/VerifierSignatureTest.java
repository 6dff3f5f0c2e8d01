package dev.patchchain.core.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchchain.core.boot.BootRules;
import dev.patchchain.core.boot.BootSimulator;
import dev.patchchain.core.boot.Queues;
import dev.patchchain.core.path.WinPath;
import dev.patchchain.core.queue.PendingQueue;
import dev.patchchain.core.version.FileVersion;
import dev.patchchain.core.volume.FileFacts;
import dev.patchchain.core.volume.InMemoryVolume;
import dev.patchchain.core.volume.SignerFacts;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link SignaturePolicy}: a file current by version is judged by the signer facts of the file after the boot. */
class VerifierSignatureTest {

    private static final String DLL = "C:\\Windows\\System32\\x.dll";
    private static final String STAGED = "C:\\Windows\\WinSxS\\Temp\\x.dll";
    private static final UpdateCatalog CATALOG = new UpdateCatalog(List.of(new CatalogUpdate(UpdateId.parse("KB1"), "",
            List.of(), List.of(new ExpectedFile(WinPath.parse(DLL), Optional.of(FileVersion.parse("6.1.0.2")),
            Optional.empty())))));

    private final InMemoryVolume volume = new InMemoryVolume();

    private void file(String path, String version, SignerFacts signer) {
        FileFacts facts = FileFacts.versioned(100, FileVersion.parse(version));
        volume.putFile(WinPath.parse(path), signer == null ? facts : facts.withSigner(signer));
    }

    private VerifyReport verify(PendingQueue queue, SignaturePolicy policy) {
        return Verifier.verify(HotfixInventory.EMPTY, CATALOG, volume,
                new BootSimulator(BootRules.WINDOWS).run(queue, volume), ContentDigest.NONE, policy);
    }

    private FileCheck check(SignaturePolicy policy) {
        return verify(PendingQueue.empty(), policy).updates().get(0).files().get(0);
    }

    @Test
    void aValidSignatureKeepsCurrentAndNamesTheSigner() {
        file(DLL, "6.1.0.2", SignerFacts.valid("CN=Alice", "catalog nt.cat, signature valid"));
        FileCheck check = check(SignaturePolicy.required(1));
        assertThat(check.status()).isEqualTo(VerifyStatus.CURRENT);
        assertThat(check.detail()).endsWith("; signed by CN=Alice (catalog nt.cat, signature valid)");
    }

    @Test
    void anInvalidSignatureIsReportedWithItsSignerAndWhereItCameFrom() {
        file(DLL, "6.1.0.2", SignerFacts.invalid("CN=Alice", "inline HASH_MISMATCH: digest differs"));
        VerifyReport report = verify(PendingQueue.empty(), SignaturePolicy.required(1));
        FileCheck check = report.updates().get(0).files().get(0);
        assertThat(check.status()).isEqualTo(VerifyStatus.SIGNATURE_INVALID);
        assertThat(check.detail()).isEqualTo("signature invalid: " + DLL
                + " 6.1.0.2, signer CN=Alice: inline HASH_MISMATCH: digest differs");
        assertThat(report.updates().get(0).status()).isEqualTo(VerifyStatus.SIGNATURE_INVALID);
        assertThat(report.hasSignatureFailure()).isTrue();
        assertThat(report.hasRegression()).isFalse();
    }

    @Test
    void unsignedIsNotInCatalogWhenThereWereCatalogsToLookIn() {
        file(DLL, "6.1.0.2", SignerFacts.unsigned("no certificate table"));
        assertThat(check(SignaturePolicy.required(3)).status()).isEqualTo(VerifyStatus.NOT_IN_CATALOG);
        assertThat(check(SignaturePolicy.required(3)).detail()).contains("none of the image's 3 catalogs lists it");
        assertThat(check(SignaturePolicy.required(0)).status()).isEqualTo(VerifyStatus.UNSIGNED);
    }

    @Test
    void signaturesAreIgnoredUnlessRequiredAndOnlyCurrentFilesAreJudged() {
        file(DLL, "6.1.0.2", SignerFacts.unsigned("no certificate table"));
        assertThat(check(SignaturePolicy.IGNORED).status()).isEqualTo(VerifyStatus.CURRENT);
        file(DLL, "6.1.0.1", SignerFacts.unsigned("no certificate table"));
        assertThat(check(SignaturePolicy.required(1)).status()).isEqualTo(VerifyStatus.REGRESSED);
    }

    @Test
    void theFileJudgedIsTheOneInPlaceAfterTheBoot() {
        file(DLL, "6.1.0.1", SignerFacts.valid("CN=Alice", "inline"));
        file(STAGED, "6.1.0.2", SignerFacts.invalid("CN=Mallory", "inline SIGNATURE_INVALID"));
        FileCheck check = verify(Queues.of("\\??\\" + STAGED, "!\\??\\" + DLL), SignaturePolicy.required(1))
                .updates().get(0).files().get(0);
        assertThat(check.status()).isEqualTo(VerifyStatus.SIGNATURE_INVALID);
        assertThat(check.detail()).contains("CN=Mallory");
    }

    @Test
    void aFileWhoseSignerCouldNotBeReadIsUnverifiable() {
        file(DLL, "6.1.0.2", null);
        assertThat(check(SignaturePolicy.required(1)).status()).isEqualTo(VerifyStatus.UNVERIFIABLE);
    }
}
