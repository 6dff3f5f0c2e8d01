package dev.patchchain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.patchchain.core.path.PathContext;
import dev.patchchain.core.queue.MultiSz;
import dev.patchchain.core.queue.PendingQueue;
import dev.patchchain.core.queue.QueueValueName;
import dev.patchchain.cli.queue.QueueFileWriter;
import dev.patchchain.formats.reg.QueueRegistryView;
import dev.patchchain.formats.reg.RegFileReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code queue show|check|chain} end to end: real .reg files, real PE files in an image directory. */
class QueueCommandsTest {

    private static final List<String> CLASSIC = List.of(
            "\\??\\C:\\Windows\\Temp\\fix1\\a.dll", "!\\??\\C:\\Windows\\System32\\a.dll",
            "\\??\\C:\\Windows\\Temp\\fix2\\a.dll", "!\\??\\C:\\Windows\\System32\\a.dll",
            "\\??\\C:\\Windows\\Temp\\old.tmp", "");

    @TempDir
    Path dir;

    @BeforeEach
    void image() throws Exception {
        new TestImage(dir.resolve("img"))
                .pe("C:\\Windows\\System32\\a.dll", "0.1.0.0")
                .pe("C:\\Windows\\Temp\\fix1\\a.dll", "0.3.0.0")
                .pe("C:\\Windows\\Temp\\fix2\\a.dll", "0.2.0.0");
        Files.writeString(dir.resolve("img/Windows/Temp/old.tmp"), "x");
        new QueueFileWriter(false).writeReg(dir.resolve("pending.reg"), queue(CLASSIC));
    }

    @Test
    void checkFindsTheDowngradeAndExitsOne() {
        CliRun run = CliRun.run(dir, "queue", "check", "--reg", "pending.reg", "--image", "img", "--json");

        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        JsonNode json = run.json();
        assertThat(json.get("safe_to_reboot").asBoolean()).isFalse();
        JsonNode downgrade = finding(json.get("findings"), "DOWNGRADE");
        assertThat(downgrade.get("severity").asText()).isEqualTo("HIGH");
        assertThat(downgrade.get("paths").toString()).contains("C:\\\\Windows\\\\System32\\\\a.dll");
        assertThat(json.get("operations")).hasSize(3);
    }

    @Test
    void chainWritesARegFileWhoseQueueIsClean() throws Exception {
        CliRun chain = CliRun.run(dir, "queue", "chain", "--reg", "pending.reg", "--image", "img", "--out", "chained.reg");

        assertThat(chain.exit()).as(chain.out() + chain.err()).isZero();
        assertThat(chain.out()).contains("Wrote").contains("reg import");
        byte[] written = Files.readAllBytes(dir.resolve("chained.reg"));
        assertThat(written[0]).isEqualTo((byte) 0xFF);
        assertThat(written[1]).isEqualTo((byte) 0xFE);
        PendingQueue chained = QueueRegistryView.read(RegFileReader.read(written, "chained.reg"), "chained.reg",
                PathContext.DEFAULT).queue();
        assertThat(chained.strings(QueueValueName.PENDING_FILE_RENAME_OPERATIONS)).containsExactly(
                "\\??\\C:\\Windows\\Temp\\fix1\\a.dll", "!\\??\\C:\\Windows\\System32\\a.dll",
                "\\??\\C:\\Windows\\Temp\\fix2\\a.dll", "",
                "\\??\\C:\\Windows\\Temp\\old.tmp", "", "");

        CliRun check = CliRun.run(dir, "queue", "check", "--reg", "chained.reg", "--image", "img");
        assertThat(check.exit()).as(check.out()).isZero();
        assertThat(check.out()).contains("safe to run");
    }

    @Test
    void chainWithoutOutIsADryRunAndNeverOverwritesWithoutForce() throws Exception {
        CliRun dry = CliRun.run(dir, "queue", "chain", "--reg", "pending.reg", "--image", "img");
        assertThat(dry.out()).contains("Dry run");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("img", "pending.reg");
        }

        byte[] before = Files.readAllBytes(dir.resolve("pending.reg"));
        CliRun refused = CliRun.run(dir, "queue", "chain", "--reg", "pending.reg", "--image", "img", "--out", "pending.reg");
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("--force");
        assertThat(Files.readAllBytes(dir.resolve("pending.reg"))).isEqualTo(before);
    }

    @Test
    void regQueryOutputFromStandardInput() {
        String text = "\r\nHKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Session Manager\r\n"
                + "    PendingFileRenameOperations    REG_MULTI_SZ    " + String.join("\\0", CLASSIC) + "\r\n\r\n";

        CliRun run = CliRun.runWithInput(dir, text, "queue", "check", "--reg-query", "-", "--image", "img", "--json");

        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        assertThat(finding(run.json().get("findings"), "DOWNGRADE")).isNotNull();
    }

    @Test
    void jsonQueueCarriesItsOwnVolume() throws Exception {
        String json = """
                {"format":"patchchain-queue","version":1,
                 "values":{"PendingFileRenameOperations":{"strings":[
                   "\\\\??\\\\C:\\\\t\\\\new.dll","!\\\\??\\\\C:\\\\w\\\\x.dll",
                   "\\\\??\\\\C:\\\\t\\\\old.dll","!\\\\??\\\\C:\\\\w\\\\x.dll"]}},
                 "volume":[{"path":"C:\\\\t","type":"directory"},{"path":"C:\\\\w","type":"directory"},
                   {"path":"C:\\\\w\\\\x.dll","type":"file","version":"1.0.0.0","size":10},
                   {"path":"C:\\\\t\\\\new.dll","type":"file","version":"3.0.0.0","size":10},
                   {"path":"C:\\\\t\\\\old.dll","type":"file","version":"2.0.0.0","size":10}]}
                """;
        Files.writeString(dir.resolve("q.json"), json);

        CliRun check = CliRun.run(dir, "queue", "check", "--json-queue", "q.json", "--json");
        assertThat(check.exit()).as(check.err()).isEqualTo(1);
        assertThat(finding(check.json().get("findings"), "DOWNGRADE")).isNotNull();

        CliRun chain = CliRun.run(dir, "queue", "chain", "--json-queue", "q.json", "--out-json", "chained.json");
        assertThat(chain.exit()).as(chain.out()).isZero();
        CliRun again = CliRun.run(dir, "queue", "check", "--json-queue", "chained.json");
        assertThat(again.exit()).as(again.out()).isZero();
    }

    @Test
    void showListsEntriesAndSaysWhenVersionsAreUnknown() {
        CliRun run = CliRun.run(dir, "queue", "show", "--reg", "pending.reg");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("versions and existence are unknown").contains("fix2\\a.dll");
    }

    @Test
    void badInputsExitTwoWithWhereAndWhat() throws Exception {
        assertThat(CliRun.run(dir).exit()).isEqualTo(2);
        assertThat(CliRun.run(dir, "queue", "check").err()).contains("--reg");
        assertThat(CliRun.run(dir, "queue", "check", "--bogus").exit()).isEqualTo(2);

        CliRun missing = CliRun.run(dir, "queue", "check", "--reg", "nope.reg");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.reg");

        Files.write(dir.resolve("bad.reg"), ("Windows Registry Editor Version 5.00\r\n\r\n"
                + "[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Session Manager]\r\n"
                + "\"PendingFileRenameOperations\"=hex(7):5c,00,zz\r\n").getBytes(StandardCharsets.UTF_8));
        CliRun bad = CliRun.run(dir, "queue", "check", "--reg", "bad.reg");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("bad.reg").contains("line 4");

        CliRun notADir = CliRun.run(dir, "queue", "check", "--reg", "pending.reg", "--image", "pending.reg");
        assertThat(notADir.exit()).isEqualTo(2);
    }

    private static PendingQueue queue(List<String> strings) {
        return PendingQueue.decode(MultiSz.of(new ArrayList<>(strings)).encode(), null, PathContext.DEFAULT);
    }

    private static JsonNode finding(JsonNode findings, String code) {
        for (JsonNode f : findings) {
            if (f.get("code").asText().equals(code)) {
                return f;
            }
        }
        throw new AssertionError("no " + code + " in " + findings);
    }
}
