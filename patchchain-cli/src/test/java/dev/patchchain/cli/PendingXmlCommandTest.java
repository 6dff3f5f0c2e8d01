package dev.patchchain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchchain.core.queue.MultiSz;
import dev.patchchain.testing.regf.RegfBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code signals} and {@code queue check --image} with servicing's {@code WinSxS\pending.xml} on the image. */
class PendingXmlCommandTest {

    private static final String SM = "ControlSet001\\Control\\Session Manager";
    private static final int REG_DWORD = 4;
    private static final int REG_MULTI_SZ = 7;

    private static final String PENDING_XML = """
            <?xml version='1.0' encoding='utf-8'?>
            <PendingTransaction Version="3.1" Identifier="916b1a55a3d2d801">
              <POQ postAction="reboot">
                <CreateDirectory path="\\SystemRoot\\WinSxS\\Temp\\PendingRenames" attributes="0x00000010"/>
                <MoveFile source="\\SystemRoot\\WinSxS\\Temp\\PendingRenames\\new.kernel32.dll" destination="\\SystemRoot\\System32\\kernel32.dll"/>
                <DeleteFile path="\\SystemRoot\\WinSxS\\Temp\\PendingDeletes\\old.dll"/>
                <SetKeyValue path="\\Registry\\Machine\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion" name="UBR" type="0x00000004" encoding="base64" value="bQ4AAA=="/>
              </POQ>
            </PendingTransaction>
            """;

    @TempDir
    Path dir;

    private Path image(String pendingXml) throws Exception {
        Path image = dir.resolve("img");
        Path config = Files.createDirectories(image.resolve("Windows/System32/config"));
        Files.write(config.resolve("SYSTEM"), new RegfBuilder()
                .value("Select", "Current", REG_DWORD, new byte[] {1, 0, 0, 0})
                .value(SM, "SetupExecute", REG_MULTI_SZ, MultiSz.of(List.of(
                        "C:\\Windows\\System32\\poqexec.exe /display_progress \\SystemRoot\\WinSxS\\pending.xml"))
                        .encode())
                .build());
        Files.write(config.resolve("SOFTWARE"), new RegfBuilder()
                .key("Microsoft\\Windows\\CurrentVersion\\Component Based Servicing").build());
        Files.writeString(image.resolve("Windows/System32/kernel32.dll"), "old");
        Files.writeString(Files.createDirectories(image.resolve("Windows/WinSxS/Temp/PendingRenames"))
                .resolve("new.kernel32.dll"), "new");
        Files.writeString(Files.createDirectories(image.resolve("Windows/WinSxS/Temp/PendingDeletes"))
                .resolve("old.dll"), "x");
        if (pendingXml != null) {
            Files.writeString(image.resolve("Windows/WinSxS/pending.xml"), pendingXml, StandardCharsets.UTF_8);
        }
        return image;
    }

    @Test
    void signalsShowWhatPendingXmlWillChange() throws Exception {
        image(PENDING_XML);
        CliRun run = CliRun.run(dir, "signals", "--image", "img");
        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).contains("pending.xml: 3 file operation(s), 1 registry operation(s)")
                .contains("pending.xml will replace \\SystemRoot\\System32\\kernel32.dll")
                .contains("pending.xml will delete \\SystemRoot\\WinSxS\\Temp\\PendingDeletes\\old.dll")
                .contains("pending.xml will change key \\Registry\\Machine\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion value UBR");
        CliRun json = CliRun.run(dir, "signals", "--image", "img", "--json");
        assertThat(json.json().get("pending_xml").get("file_operations").asInt()).isEqualTo(3);
        assertThat(json.json().get("pending_xml").get("registry_operations").asInt()).isEqualTo(1);
    }

    @Test
    void withoutPendingXmlThereIsNoEvidence() throws Exception {
        image(null);
        CliRun run = CliRun.run(dir, "signals", "--image", "img", "--json");
        assertThat(run.json().get("pending_xml").isNull()).isTrue();
        assertThat(CliRun.run(dir, "signals", "--image", "img").out()).doesNotContain("pending.xml:");
    }

    @Test
    void aBrokenPendingXmlIsAWarningWithItsLine() throws Exception {
        image("<PendingTransaction>\n<POQ>\n<MoveFile source=\"\\SystemRoot\\a\"/>\n</POQ>\n</PendingTransaction>\n");
        CliRun run = CliRun.run(dir, "signals", "--image", "img");
        assertThat(run.out()).contains("WARNING").contains("line 3").contains("destination");
    }

    @Test
    void queueCheckSimulatesPendingXmlFileOperations() throws Exception {
        image(PENDING_XML);
        CliRun run = CliRun.run(dir, "queue", "check", "--image", "img");
        assertThat(run.out()).as(run.err())
                .contains("WinSxS\\pending.xml is on the image (pending.xml: 3 file operation(s), 1 registry "
                        + "operation(s)): its 2 move, hardlink and delete operation(s) are simulated after the session "
                        + "manager's queue")
                .contains("C:\\Windows\\WinSxS\\Temp\\PendingRenames\\new.kernel32.dll -> C:\\Windows\\System32\\kernel32.dll")
                .contains("delete  C:\\Windows\\WinSxS\\Temp\\PendingDeletes\\old.dll");
        assertThat(CliRun.run(dir, "queue", "check", "--image", "img", "--json").out())
                .contains("new.kernel32.dll").contains("pending.xml is on the image")
                .contains("\"value\" : \"WinSxS\\\\pending.xml\"");
        Files.delete(dir.resolve("img/Windows/WinSxS/pending.xml"));
        assertThat(CliRun.run(dir, "queue", "check", "--image", "img").out())
                .doesNotContain("pending.xml").doesNotContain("new.kernel32.dll");
    }
}
