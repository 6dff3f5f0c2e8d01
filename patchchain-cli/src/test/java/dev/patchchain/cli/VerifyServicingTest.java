package dev.patchchain.cli;

import static dev.patchchain.cli.ServicingImage.pkg;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code verify --image} on an image's own component store: packages of {@code servicing\Packages} joined with
 * their CBS states, the newest component's files of {@code WinSxS} against the projected files, now and after the
 * pending queue. Each status appears in one test and goes away in another.
 */
class VerifyServicingTest {

    private static final String FOO = "Microsoft-Windows-Foo";
    private static final String FOO_DLL = "C:\\Windows\\System32\\foo.dll";

    @TempDir
    Path dir;

    /** KB1 installs Foo 10.0.1.2; the store also holds the older 10.0.1.1. */
    private ServicingImage twoVersions() {
        return new ServicingImage(dir.resolve("img"))
                .component("amd64", FOO, "10.0.1.1", "foo.dll")
                .component("amd64", FOO, "10.0.1.2", "foo.dll")
                .mum(pkg("KB1", 1), "KB1", 0x70, "amd64 " + FOO + " 10.0.1.2");
    }

    private JsonNode update(CliRun run, String kb) {
        for (JsonNode u : run.json().get("updates")) {
            if (u.get("id").asText().equals(kb)) {
                return u;
            }
        }
        throw new AssertionError(kb + " not in " + run.out() + run.err());
    }

    private CliRun verify(String... more) {
        String[] args = new String[3 + more.length];
        args[0] = "verify";
        args[1] = "--image";
        args[2] = "img";
        System.arraycopy(more, 0, args, 3, more.length);
        return CliRun.run(dir, args);
    }

    @Test
    void theNewestComponentsFileProjectedIsCurrent() {
        twoVersions().project("amd64", FOO, "10.0.1.2", "foo.dll", FOO_DLL).hives();
        CliRun run = verify("--json");
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        JsonNode kb1 = update(run, "KB1");
        assertThat(kb1.get("status").asText()).isEqualTo("CURRENT");
        assertThat(kb1.get("source").asText()).isEqualTo("servicing");
        JsonNode file = kb1.get("files").get(0);
        assertThat(file.get("path").asText()).isEqualToIgnoringCase(FOO_DLL);
        assertThat(file.get("component").get("directory").asText())
                .isEqualTo(ServicingImage.dir("amd64", FOO, "10.0.1.2"));
        assertThat(file.get("component").get("note").asText()).contains("DCM-compressed", "newest of 2");
        assertThat(file.get("component").get("olderSha256")).hasSize(1);
    }

    @Test
    void anOlderComponentsFileProjectedIsRegressed() {
        twoVersions().project("amd64", FOO, "10.0.1.1", "foo.dll", FOO_DLL).hives();
        CliRun run = verify();
        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out()).contains("KB1: file version mismatch: regressed",
                "file content mismatch", "an older version's content", "Microsoft-Windows-Foo 10.0.1.2")
                .containsPattern("expected SHA-256 [0-9a-f]{64}, found after reboot [0-9a-f]{64}");
    }

    @Test
    void theQueueBringingTheNewestIsCurrentAfterReboot() {
        twoVersions().project("amd64", FOO, "10.0.1.1", "foo.dll", FOO_DLL)
                .queued("amd64", FOO, "10.0.1.2", "foo.dll", FOO_DLL).hives();
        CliRun run = verify("--json");
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        JsonNode file = update(run, "KB1").get("files").get(0);
        assertThat(file.get("status").asText()).isEqualTo("CURRENT_AFTER_REBOOT");
        assertThat(file.get("queueEntry").get("index").asInt()).isZero();
    }

    @Test
    void theQueueBringingAnOlderOneRegressesAfterReboot() {
        twoVersions().project("amd64", FOO, "10.0.1.2", "foo.dll", FOO_DLL)
                .queued("amd64", FOO, "10.0.1.1", "foo.dll", FOO_DLL).hives();
        CliRun run = verify("--csv");
        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out()).contains("REGRESSES_AFTER_REBOOT", "puts an older version's content at");
    }

    @Test
    void aComponentTheStoreDoesNotHaveIsMissingAndItsOwnVersionIsCurrent() {
        twoVersions().mum(pkg("KB2", 1), "KB2", 0x70, "amd64 " + FOO + " 10.0.1.3")
                .project("amd64", FOO, "10.0.1.2", "foo.dll", FOO_DLL).hives();
        CliRun run = verify("--json");
        JsonNode kb2 = update(run, "KB2");
        assertThat(kb2.get("status").asText()).isEqualTo("MISSING");
        assertThat(kb2.get("files").get(0).get("detail").asText())
                .contains("component missing", "only [10.0.1.1, 10.0.1.2]");
        assertThat(update(run, "KB1").get("status").asText()).isEqualTo("CURRENT");
    }

    @Test
    void aSupersededPackageIsSupersededByTheOneWithTheNewerComponent() {
        twoVersions().mum(pkg("KB0", 1), "KB0", 0x50, "amd64 " + FOO + " 10.0.1.1")
                .project("amd64", FOO, "10.0.1.1", "foo.dll", FOO_DLL).hives();
        CliRun run = verify("--json");
        JsonNode kb0 = update(run, "KB0");
        assertThat(kb0.get("status").asText()).isEqualTo("SUPERSEDED");
        assertThat(kb0.get("supersededBy").asText()).isEqualTo("KB1");
        assertThat(kb0.get("description").asText()).contains("superseded (0x50)");
        assertThat(kb0.get("files").get(0).get("component").get("note").asText())
                .startsWith("newest of 2 version(s) in the store that an installed package names: 10.0.1.2");
    }

    @Test
    void aNewerVersionOnlyAStagedPackageNamesIsNotTheReference() {
        twoVersions().component("amd64", FOO, "10.0.1.3", "foo.dll")
                .mum(pkg("KB9", 1), "KB9", 0x40, "amd64 " + FOO + " 10.0.1.3")
                .project("amd64", FOO, "10.0.1.2", "foo.dll", FOO_DLL).hives();
        CliRun run = verify("--json");
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(update(run, "KB1").get("status").asText()).isEqualTo("CURRENT");
        assertThat(update(run, "KB1").get("files").get(0).get("component").get("note").asText())
                .contains("installed package names: 10.0.1.2");
    }

    @Test
    void aFileEqualToAnotherVersionAnInstalledPackageNamesIsUnverifiableNotRegressed() {
        twoVersions().mum(pkg("KB0", 1), "KB0", 0x70, "amd64 " + FOO + " 10.0.1.1")
                .project("amd64", FOO, "10.0.1.1", "foo.dll", FOO_DLL).hives();
        CliRun run = verify("--json");
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(update(run, "KB1").get("status").asText()).isEqualTo("UNVERIFIABLE");
        assertThat(update(run, "KB0").get("status").asText()).isEqualTo("UNVERIFIABLE");
    }

    @Test
    void anInstalledOlderPackageIsNotSuperseded() {
        twoVersions().mum(pkg("KB0", 1), "KB0", 0x70, "amd64 " + FOO + " 10.0.1.1")
                .project("amd64", FOO, "10.0.1.2", "foo.dll", FOO_DLL).hives();
        CliRun run = verify("--json");
        assertThat(update(run, "KB0").get("status").asText()).isEqualTo("CURRENT");
        assertThat(update(run, "KB0").get("supersededBy").isNull()).isTrue();
    }

    @Test
    void aCompressedManifestsFileNotInSystem32IsUnverifiableWithTheReason() {
        new ServicingImage(dir.resolve("img"))
                .component("amd64", "Microsoft-Windows-Bar", "10.0.2.1", "bar.sys")
                .mum(pkg("KB3", 1), "KB3", 0x70, "amd64 Microsoft-Windows-Bar 10.0.2.1").hives();
        CliRun run = verify("--json");
        assertThat(run.exit()).isZero();
        JsonNode kb3 = update(run, "KB3");
        assertThat(kb3.get("status").asText()).isEqualTo("UNVERIFIABLE");
        assertThat(kb3.get("files").get(0).get("detail").asText())
                .contains("manifest is DCM-compressed", "bar.sys is not in C:\\Windows\\System32");
    }

    @Test
    void aPlainManifestGivesTheDestinationAndTheFileIsCurrent() {
        new ServicingImage(dir.resolve("img"))
                .component("amd64", "Microsoft-Windows-Bar", "10.0.2.1", "bar.sys")
                .plainManifest("amd64", "Microsoft-Windows-Bar", "10.0.2.1", "bar.sys", "$(runtime.drivers)\\")
                .project("amd64", "Microsoft-Windows-Bar", "10.0.2.1", "bar.sys", "C:\\Windows\\System32\\drivers\\bar.sys")
                .mum(pkg("KB3", 1), "KB3", 0x70, "amd64 Microsoft-Windows-Bar 10.0.2.1").hives();
        CliRun run = verify("--json");
        JsonNode kb3 = update(run, "KB3");
        assertThat(kb3.get("status").asText()).as(run.out()).isEqualTo("CURRENT");
        assertThat(kb3.get("files").get(0).get("path").asText())
                .isEqualToIgnoringCase("C:\\Windows\\System32\\drivers\\bar.sys");
    }

    @Test
    void aPlainManifestWithAnUnknownVariableIsUnverifiable() {
        new ServicingImage(dir.resolve("img"))
                .component("amd64", "Microsoft-Windows-Bar", "10.0.2.1", "bar.sys")
                .plainManifest("amd64", "Microsoft-Windows-Bar", "10.0.2.1", "bar.sys", "$(runtime.somethingElse)\\x")
                .mum(pkg("KB3", 1), "KB3", 0x70, "amd64 Microsoft-Windows-Bar 10.0.2.1").hives();
        CliRun run = verify("--json");
        JsonNode file = update(run, "KB3").get("files").get(0);
        assertThat(file.get("status").asText()).isEqualTo("UNVERIFIABLE");
        assertThat(file.get("detail").asText()).contains("$(runtime.somethingElse)", "variable we do not map");
    }

    @Test
    void aWow64ComponentIsProjectedToSysWow64() {
        new ServicingImage(dir.resolve("img"))
                .component("wow64", FOO, "10.0.1.2", "foo.dll")
                .plainManifest("wow64", FOO, "10.0.1.2", "foo.dll", "$(runtime.system32)\\")
                .project("wow64", FOO, "10.0.1.2", "foo.dll", "C:\\Windows\\SysWOW64\\foo.dll")
                .mum(pkg("KB4", 1), "KB4", 0x70, "wow64 " + FOO + " 10.0.1.2").hives();
        CliRun run = verify("--json");
        JsonNode kb4 = update(run, "KB4");
        assertThat(kb4.get("status").asText()).as(run.out()).isEqualTo("CURRENT");
        assertThat(kb4.get("files").get(0).get("path").asText()).isEqualToIgnoringCase("C:\\Windows\\SysWOW64\\foo.dll");
    }

    @Test
    void nestedPackagesAreFollowedOnceEvenInACycle() {
        String outer = pkg("KB5", 1);
        String inner = pkg("KB5", 2);
        twoVersions().project("amd64", FOO, "10.0.1.1", "foo.dll", FOO_DLL)
                .mum(outer, "KB5", 0x70, "package " + inner)
                .mum(inner, "KB5", 0x20, "amd64 " + FOO + " 10.0.1.2", "package " + outer).hives();
        CliRun run = verify("--json");
        JsonNode kb5 = update(run, "KB5");
        assertThat(kb5.get("status").asText()).as(run.out()).isEqualTo("REGRESSED");
        assertThat(kb5.get("files")).hasSize(1);
    }

    @Test
    void packagesNestedTooDeeplyAreNotFollowedAndSaidSo() {
        ServicingImage image = twoVersions().project("amd64", FOO, "10.0.1.1", "foo.dll", FOO_DLL);
        for (int n = 1; n <= 10; n++) {
            image.mum(pkg("KB7", n), "KB7", n == 1 ? 0x70 : 0x20, "package " + pkg("KB7", n + 1));
        }
        image.mum(pkg("KB7", 11), "KB7", 0x20, "amd64 " + FOO + " 10.0.1.2").hives();
        CliRun run = verify("--json");
        assertThat(run.json().get("warnings").toString()).contains("nested deeper than 8");
        assertThat(update(run, "KB7").get("status").asText()).as("no component reached").isEqualTo("UNVERIFIABLE");
    }

    @Test
    void aBrokenOrOversizedMumIsSkippedWithAWarningAndTheRestIsVerified() {
        ServicingImage image = twoVersions().project("amd64", FOO, "10.0.1.2", "foo.dll", FOO_DLL)
                .write("C:\\Windows\\servicing\\Packages\\broken.mum", "<assembly><unclosed>".getBytes(StandardCharsets.UTF_8))
                .write("C:\\Windows\\servicing\\Packages\\doctype.mum", ("<?xml version=\"1.0\"?><!DOCTYPE a ["
                        + "<!ENTITY x SYSTEM \"file:///etc/passwd\">]><assembly>&x;</assembly>").getBytes(StandardCharsets.UTF_8))
                .write("C:\\Windows\\servicing\\Packages\\huge.mum", new byte[(16 << 20) + 1]);
        image.write("C:\\Windows\\WinSxS\\amd64_not_a_component", new byte[0]).hives();
        CliRun run = verify("--json");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(update(run, "KB1").get("status").asText()).isEqualTo("CURRENT");
        assertThat(run.json().get("warnings").toString())
                .contains("broken.mum skipped", "doctype.mum skipped", "DOCTYPE", "huge.mum skipped: over");
        assertThat(run.json().get("inputs").toString()).contains("servicing store: 1 package manifests");
    }

    @Test
    void namesThatWouldLeaveTheStoreAreSkippedWithAWarning() {
        twoVersions().project("amd64", FOO, "10.0.1.2", "foo.dll", FOO_DLL)
                .mum(pkg("KB8", 1), "KB8", 0x70, "amd64 ..\\..\\Evil 10.0.1.2")
                .component("amd64", "Microsoft-Windows-Baz", "10.0.3.1", "baz.dll")
                .plainManifest("amd64", "Microsoft-Windows-Baz", "10.0.3.1", "..\\..\\baz.dll", "$(runtime.system32)\\")
                .mum(pkg("KB9", 1), "KB9", 0x70, "amd64 Microsoft-Windows-Baz 10.0.3.1").hives();
        CliRun run = verify("--json");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(update(run, "KB1").get("status").asText()).isEqualTo("CURRENT");
        assertThat(update(run, "KB8").get("files")).isEmpty();
        assertThat(update(run, "KB9").get("files")).isEmpty();
        assertThat(run.json().get("warnings").toString()).contains("Evil", "skipped", "..\\\\..\\\\baz.dll");
    }

    @Test
    void withoutAnInstalledStateAPackageIsNotAnUpdate() {
        twoVersions().mum(pkg("KB6", 1), "KB6", 0x40, "amd64 " + FOO + " 10.0.1.2")
                .project("amd64", FOO, "10.0.1.2", "foo.dll", FOO_DLL).hives();
        CliRun run = verify("--json");
        assertThat(run.json().get("updates").toString()).doesNotContain("KB6");
    }
}
