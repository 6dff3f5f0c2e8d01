package dev.patchchain.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchchain.core.boot.BootRules;
import dev.patchchain.core.boot.Queues;
import dev.patchchain.core.path.WinPath;
import dev.patchchain.core.version.FileVersion;
import dev.patchchain.core.volume.FileFacts;
import dev.patchchain.core.volume.InMemoryVolume;
import dev.patchchain.core.volume.SignerFacts;
import dev.patchchain.core.volume.VolumeState;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrustChecksTest {

    private static final String TARGET = "C:\\Windows\\System32\\foo.dll";
    private static final String STAGED = "C:\\Windows\\WinSxS\\Temp\\foo.dll";
    private static final SignerFacts MICROSOFT = SignerFacts.valid("CN=Microsoft Windows", "catalog nt5.cat");
    private final InMemoryVolume volume = new InMemoryVolume();

    private void file(String path, SignerFacts signer) {
        volume.putFile(WinPath.parse(path), FileFacts.versioned(100, FileVersion.parse("1.0")).withSigner(signer));
    }

    private List<Finding> replace(String source, String target) {
        return QueueAnalysis.analyze(Queues.of("\\??\\" + source, "!\\??\\" + target), volume, BootRules.WINDOWS)
                .findings();
    }

    private static List<FindingCode> codes(List<Finding> findings) {
        return findings.stream().map(Finding::code).toList();
    }

    @Test
    void aReplacementSignedBySomeoneElseIsASignerChange() {
        file(TARGET, MICROSOFT);
        file(STAGED, SignerFacts.valid("CN=Evil Corp", "inline"));

        Finding finding = replace(STAGED, TARGET).get(0);

        assertThat(finding.code()).isEqualTo(FindingCode.SIGNER_CHANGED);
        assertThat(finding.severity()).isEqualTo(Severity.HIGH);
        assertThat(finding.evidence()).containsEntry("replaced_signer", "CN=Microsoft Windows")
                .containsEntry("replacement_signer", "CN=Evil Corp");
    }

    @Test
    void theSameSignerIsNoFinding() {
        file(TARGET, MICROSOFT);
        file(STAGED, SignerFacts.valid("cn=microsoft windows", "inline"));

        assertThat(codes(replace(STAGED, TARGET))).isEmpty();
    }

    @Test
    void anUnsignedOrInvalidReplacementOfASignedSystemFileIsReported() {
        file(TARGET, MICROSOFT);
        file(STAGED, SignerFacts.unsigned("no certificate table and in no catalog"));
        file("C:\\Windows\\WinSxS\\Temp\\bar.dll", SignerFacts.invalid("CN=Microsoft Windows", "HASH_MISMATCH"));
        file("C:\\Windows\\System32\\bar.dll", MICROSOFT);

        assertThat(codes(replace(STAGED, TARGET))).containsExactly(FindingCode.UNSIGNED_REPLACEMENT);
        assertThat(replace("C:\\Windows\\WinSxS\\Temp\\bar.dll", "C:\\Windows\\System32\\bar.dll").get(0).message())
                .contains("does not validate (HASH_MISMATCH)");
    }

    @Test
    void unsignedOutsideWindowsOrOverAnUnsignedFileOrWithoutSignerFactsIsNoFinding() {
        file("C:\\app\\x.dll", MICROSOFT);
        file("C:\\stage\\x.dll", SignerFacts.unsigned("none"));
        file(TARGET, SignerFacts.unsigned("none"));
        file(STAGED, SignerFacts.unsigned("none"));
        volume.putFile(WinPath.parse("C:\\Windows\\System32\\plain.dll"), FileFacts.versioned(1, FileVersion.parse("1")));
        volume.putFile(WinPath.parse("C:\\Windows\\WinSxS\\Temp\\plain.dll"), FileFacts.versioned(1, FileVersion.parse("1")));

        assertThat(codes(replace("C:\\stage\\x.dll", "C:\\app\\x.dll"))).isEmpty();
        assertThat(codes(replace(STAGED, TARGET))).isEmpty();
        assertThat(codes(replace("C:\\Windows\\WinSxS\\Temp\\plain.dll", "C:\\Windows\\System32\\plain.dll")))
                .isEmpty();
    }

    @Test
    void aSystemFileStagedInAUserWritableFolderIsSuspicious() {
        for (String source : List.of("C:\\Users\\Public\\foo.dll", "D:\\Users\\bob\\AppData\\Local\\Temp\\x\\foo.tmp",
                "C:\\ProgramData\\Vendor\\foo.dll", "C:\\users\\ALICE\\downloads\\foo.dll")) {
            List<Finding> findings = QueueAnalysis.analyze(Queues.of("\\??\\" + source, "!\\??\\" + TARGET),
                    VolumeState.UNKNOWN, BootRules.WINDOWS).findings(FindingCode.SUSPICIOUS_SOURCE);
            assertThat(findings).as(source).singleElement().satisfies(f -> {
                assertThat(f.severity()).isEqualTo(Severity.HIGH);
                assertThat(f.paths()).containsExactly(WinPath.parse(source), WinPath.parse(TARGET));
            });
        }
    }

    @Test
    void stagingInSystemFoldersOrReplacingNonSystemFilesIsNotSuspicious() {
        for (String[] op : List.of(new String[] {STAGED, TARGET},
                new String[] {"C:\\Users\\Public\\foo.dll", "C:\\Program Files\\App\\foo.dll"},
                new String[] {"C:\\Users\\bob\\AppData\\Roaming\\foo.dll", TARGET},
                new String[] {"C:\\Users\\Publicity\\foo.dll", TARGET})) {
            assertThat(QueueAnalysis.analyze(Queues.of("\\??\\" + op[0], "!\\??\\" + op[1]), VolumeState.UNKNOWN,
                    BootRules.WINDOWS).findings(FindingCode.SUSPICIOUS_SOURCE)).as(op[0]).isEmpty();
        }
    }

    @Test
    void rulesArePassedIn() {
        TrustRules rules = new TrustRules(List.of(new LocationPattern("Stage", "our staging area")),
                List.of(new LocationPattern("App", "the app")));

        assertThat(QueueAnalysis.analyze(Queues.of("\\??\\C:\\Stage\\a.dll", "!\\??\\C:\\App\\a.dll"),
                VolumeState.UNKNOWN, BootRules.WINDOWS, rules).findings(FindingCode.SUSPICIOUS_SOURCE)).hasSize(1);
    }
}
