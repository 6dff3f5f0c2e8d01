package dev.patchchain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.patchchain.cli.queue.QueueFileWriter;
import dev.patchchain.core.path.PathContext;
import dev.patchchain.core.queue.MultiSz;
import dev.patchchain.core.queue.PendingQueue;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code verify} end to end: a catalog we write, a systeminfo capture we write, PE files built with PeBuilder in an
 * image directory, and queues as .reg files.
 */
class VerifyCommandTest {

    private static final String DLL = "C:\\Windows\\System32\\win32k.sys";
    private static final String STAGED = "C:\\Windows\\WinSxS\\Temp\\win32k.sys";
    private static final String CATALOG = """
            {
              "format": "patchchain-update-catalog",
              "version": 1,
              "updates": [
                {"kb": "KB3146706", "supersedes": ["KB3109094"],
                 "files": [{"path": "C:\\\\Windows\\\\System32\\\\win32k.sys", "version": "6.1.7601.23403"}]},
                {"kb": "KB3109094",
                 "files": [{"path": "C:\\\\Windows\\\\System32\\\\win32k.sys", "version": "6.1.7601.23260"}]}
              ]
            }
            """;
    private static final String SYSTEMINFO = """

            Host Name:                 WIN7SP1
            OS Name:                   Microsoft Windows 7 Enterprise
            Processor(s):              1 Processor(s) Installed.
                                       [01]: Intel64 Family 6 Model 158 Stepping 9 GenuineIntel ~2808 Mhz
            Hotfix(s):                 2 Hotfix(s) Installed.
                                       [01]: KB3146706
                                       [02]: KB2999226
            Network Card(s):           1 NIC(s) Installed.
                                       [01]: Intel(R) PRO/1000 MT Network Connection
                                             Connection Name: Local Area Connection
            """;

    @TempDir
    Path dir;

    private TestImage image;

    @BeforeEach
    void inputs() throws Exception {
        image = new TestImage(dir.resolve("img"));
        Files.writeString(dir.resolve("catalog.json"), CATALOG);
        Files.write(dir.resolve("systeminfo.txt"), SYSTEMINFO.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_16LE));
    }

    private void queue(String... strings) throws Exception {
        new QueueFileWriter(false).writeReg(dir.resolve("pending.reg"),
                PendingQueue.decode(MultiSz.of(List.of(strings)).encode(), null, PathContext.DEFAULT));
    }

    private CliRun verify(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("verify", "--catalog", "catalog.json",
                "--installed", "systeminfo.txt", "--image", "img"));
        args.addAll(List.of(more));
        return CliRun.run(dir, args.toArray(String[]::new));
    }

    @Test
    void anOlderFileIsAVersionMismatchAndExitsOne() {
        image.pe(DLL, "6.1.7601.17514");
        CliRun run = verify();
        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).startsWith("Hotfix validation report for WIN7SP1\n")
                .contains("KB3146706: file version mismatch: regressed\n"
                        + "    file version mismatch: C:\\Windows\\System32\\win32k.sys expected 6.1.7601.23403,"
                        + " found 6.1.7601.17514\n")
                .contains("KB2999226: not in the catalog")
                .contains("1 regressed");
    }

    @Test
    void theExpectedFileIsCurrentAndExitsZero() {
        image.pe(DLL, "6.1.7601.23403");
        CliRun run = verify();
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("KB3146706: current on system\n").contains("Result: no regression.");
    }

    @Test
    void aQueuedNewerFileIsCurrentAfterReboot() throws Exception {
        image.pe(DLL, "6.1.7601.17514").pe(STAGED, "6.1.7601.23403");
        queue("\\??\\" + STAGED, "!\\??\\" + DLL);
        CliRun run = verify("--reg", "pending.reg", "--json");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode file = run.json().path("updates").path(0).path("files").path(0);
        assertThat(file.path("status").asText()).isEqualTo("CURRENT_AFTER_REBOOT");
        assertThat(file.path("now").asText()).isEqualTo("6.1.7601.17514");
        assertThat(file.path("afterReboot").asText()).isEqualTo("6.1.7601.23403");
        assertThat(file.path("queueEntry").path("index").asInt()).isZero();
        assertThat(run.json().path("host").asText()).isEqualTo("WIN7SP1");
    }

    @Test
    void aQueuedOlderFileRegressesAfterRebootAndExitsOne() throws Exception {
        image.pe(DLL, "6.1.7601.23403").pe(STAGED, "6.1.7601.17514");
        queue("\\??\\" + STAGED, "!\\??\\" + DLL);
        CliRun run = verify("--reg", "pending.reg", "--csv");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).startsWith("update,update_status,path,expected_version,found_now,found_after_reboot,")
                .contains("KB3146706,REGRESSES_AFTER_REBOOT,C:\\Windows\\System32\\win32k.sys,6.1.7601.23403,"
                        + "6.1.7601.23403,6.1.7601.17514,REGRESSES_AFTER_REBOOT,#0 APPLIED,");
    }

    @Test
    void withoutACaptureEveryCataloguedUpdateIsCheckedAndSupersedenceApplies() {
        image.pe(DLL, "6.1.7601.23403");
        CliRun run = CliRun.run(dir, "verify", "--catalog", "catalog.json", "--image", "img");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("KB3109094: superseded by KB3146706, which is installed");
    }

    @Test
    void withoutAnImageEverythingIsUnverifiable() {
        CliRun run = CliRun.run(dir, "verify", "--catalog", "catalog.json", "--installed", "systeminfo.txt");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("KB3146706: cannot be verified").contains("unknown (no image)");
    }

    @Test
    void aWinbindexRecordIsACatalog() throws Exception {
        image.pe("C:\\Windows\\System32\\ntdll.dll", "10.0.19041.1023");
        String record = """
                {"%s": {"fileInfo": {"machineType": 34404, "version": "10.0.19041.1052 (WinBuild.160101.0800)"},
                        "windowsVersions": {"2004": {"KB5003690": {}}}}}
                """.formatted("2".repeat(64));
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(record.getBytes(StandardCharsets.UTF_8));
        }
        Files.write(dir.resolve("ntdll.dll.json.gz"), gz.toByteArray());
        CliRun run = CliRun.run(dir, "verify", "--winbindex", "ntdll.dll.json.gz", "--image", "img");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("file version mismatch: C:\\Windows\\System32\\ntdll.dll expected 10.0.19041.1052,"
                + " found 10.0.19041.1023");
    }

    @Test
    void noCatalogIsAUsageError() {
        CliRun run = CliRun.run(dir, "verify", "--installed", "systeminfo.txt");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--catalog");
    }

    @Test
    void aBrokenCaptureIsAnInputErrorNamingTheLine() throws Exception {
        Files.writeString(dir.resolve("bad.txt"), "KB1: one\nnot a kb line\n");
        CliRun run = CliRun.run(dir, "verify", "--catalog", "catalog.json", "--installed", "bad.txt");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("bad.txt: line 2");
    }

    @Test
    void helpNamesTheInputsAndTheExitCode() {
        CliRun run = CliRun.run(dir, "verify", "--help");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("--catalog=FILE", "--winbindex=FILE", "--installed=FILE", "--image=DIR",
                "--reg=FILE", "--hive=SYSTEM", "--json", "--csv", "Exit 1 if any file regressed,",
                "--signatures", "--trust-store=FILE|DIR");
    }

    @Test
    void aFileCataloguedByHashOnlyIsCheckedByContent() throws Exception {
        image.pe(DLL, "6.1.7601.23403");
        String sha256 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(image.file(DLL))));
        Files.writeString(dir.resolve("hash.json"), """
                {"format": "patchchain-update-catalog", "version": 1, "updates": [
                  {"kb": "KB1", "files": [{"path": "C:\\\\Windows\\\\System32\\\\win32k.sys", "sha256": "%s"}]}]}
                """.formatted(sha256));
        CliRun run = CliRun.run(dir, "verify", "--catalog", "hash.json", "--image", "img");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("KB1: current on system");
        image.pe(DLL, "6.1.7601.23404");
        assertThat(CliRun.run(dir, "verify", "--catalog", "hash.json", "--image", "img").out())
                .contains("KB1: cannot be verified").contains("no version to order them");
    }
}
