package dev.patchchain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.patchchain.core.queue.MultiSz;
import dev.patchchain.testing.Corpus;
import dev.patchchain.testing.regf.RegfBuilder;
import dev.patchchain.testing.regf.RegfLogBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plan} starting from the machine's state: images whose SYSTEM hive (made by {@link RegfBuilder}) already
 * queues files, whose {@code WinSxS\pending.xml} replaces one, whose SOFTWARE hive holds a {@code RunOnce} command;
 * offline hives without an image; a dirty hive replayed from its log; and a real SYSTEM hive of the corpus.
 */
class PlanMachineStateTest {

    private static final String SM = "ControlSet001\\Control\\Session Manager";
    private static final String RUN_ONCE = "Microsoft\\Windows\\CurrentVersion\\RunOnce";
    private static final int REG_DWORD = 4;
    private static final int REG_MULTI_SZ = 7;
    private static final String NTDLL = "C:\\Windows\\System32\\ntdll.dll";
    private static final String STAGED = "C:\\Windows\\System32\\ntdll.new";
    private static final String JSON_NTDLL = NTDLL.replace("\\", "\\\\");

    @TempDir
    Path dir;

    private void manifest(String name, String id, String engine, String files, String registry) throws IOException {
        Files.writeString(dir.resolve(name), """
                {"format": "patchchain-package", "version": 1, "id": "%s", "engine": "%s",
                 "files": [%s], "registry": [%s]}
                """.formatted(id, engine, files, registry));
    }

    /** KB1 (update.exe, looks at the queue) brings ntdll 6.1.0.2, KB2 (naive, disk only) 6.1.0.3. */
    private void hotfixThenNaive() throws IOException {
        manifest("kb1.json", "KB1", "update.exe", "{\"path\": \"" + JSON_NTDLL + "\", \"version\": \"6.1.0.2\"}", "");
        manifest("kb2.json", "KB2", "naive", "{\"path\": \"" + JSON_NTDLL + "\", \"version\": \"6.1.0.3\"}", "");
    }

    private static RegfBuilder system() {
        return new RegfBuilder().value("Select", "Current", REG_DWORD, new byte[] {1, 0, 0, 0}).key(SM);
    }

    private static RegfBuilder queueing(RegfBuilder system, String... strings) {
        return system.value(SM, "PendingFileRenameOperations", REG_MULTI_SZ, MultiSz.of(List.of(strings)).encode());
    }

    private static RegfBuilder stagedOntoNtdll() {
        return queueing(system(), "\\??\\" + STAGED, "!\\??\\" + NTDLL);
    }

    /** An image with ntdll 6.1.0.1 on disk, ntdll.new 6.1.0.4 beside it, and the given SYSTEM hive. */
    private Path image(RegfBuilder system) throws IOException {
        Path image = dir.resolve("img");
        new TestImage(image).pe(NTDLL, "6.1.0.1").pe(STAGED, "6.1.0.4");
        Path config = Files.createDirectories(image.resolve("Windows/System32/config"));
        Files.write(config.resolve("SYSTEM"), system.build());
        return image;
    }

    private static List<JsonNode> conflicts(CliRun run, String kind) {
        return StreamSupport.stream(run.json().get("conflicts").spliterator(), false)
                .filter(c -> c.get("kind").asText().equals(kind)).toList();
    }

    @Test
    void aNewerNtdllAlreadyQueuedOnTheImageTurnsSequentialIntoChain() throws IOException {
        hotfixThenNaive();
        image(stagedOntoNtdll());

        CliRun run = CliRun.run(dir, "plan", "kb1.json", "kb2.json", "--image", "img");

        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        String pending = "6.1.0.4 (PendingFileRenameOperations[0])";
        assertThat(run.out()).contains("Machine state:\n  control set ControlSet001 (Select\\Current = 1): 1 queued "
                        + "operation(s) in PendingFileRenameOperations(2)")
                .contains("All 2 packages: SAFE_WITH_CHAIN")
                .contains("1. KB1 (update.exe hotfix installer) reads " + NTDLL + ": 6.1.0.1 on disk, queued ["
                        + pending + "], so it keeps it and skips 6.1.0.2")
                .contains("3. KB2 (naive installer) reads " + NTDLL + ": 6.1.0.1 on disk (it does not look at the "
                        + "queue, where queued [" + pending + "]), so it will install 6.1.0.3")
                .contains("6. after the reboot ntdll.dll is 6.1.0.3 < 6.1.0.4")
                .contains(NTDLL + " (pending in the queue): KB1 installs 6.1.0.2 (disk and queue, in use); KB2 "
                        + "installs 6.1.0.3 (disk only, in use); already queued: " + pending + ": \\??\\" + STAGED + " -> !\\??\\" + NTDLL)
                .contains("1 target files already have entries pending on the machine");
        CliRun json = CliRun.run(dir, "plan", "kb1.json", "kb2.json", "--image", "img", "--json");
        assertThat(json.json().at("/machine/queuedOperations").asInt()).isEqualTo(1);
        assertThat(json.json().at("/machine/controlSet").asText()).isEqualTo("ControlSet001");
        assertThat(conflicts(json, "PENDING_QUEUE")).singleElement()
                .satisfies(c -> assertThat(c.get("packages").toString()).isEqualTo("[\"KB1\",\"KB2\"]"));
    }

    @Test
    void anEmptyQueueOnTheImageGivesTheCleanVerdict() throws IOException {
        hotfixThenNaive();
        image(system());

        CliRun run = CliRun.run(dir, "plan", "kb1.json", "kb2.json", "--image", "img", "--json");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.json().at("/set/verdict").asText()).isEqualTo("SAFE_SEQUENTIAL_NO_REBOOT");
        assertThat(run.json().at("/machine/queuedOperations").asInt()).isZero();
        assertThat(conflicts(run, "PENDING_QUEUE")).isEmpty();
    }

    @Test
    void pendingXmlRunsAfterThePackagesSoItsNewerNtdllWins() throws IOException {
        manifest("kb1.json", "KB1", "update.exe", "{\"path\": \"" + JSON_NTDLL + "\", \"version\": \"6.1.0.3\"}", "");
        manifest("kb2.json", "KB2", "naive", "{\"path\": \"" + JSON_NTDLL + "\", \"version\": \"6.1.0.2\"}", "");
        Path image = image(system());
        CliRun before = CliRun.run(dir, "plan", "kb1.json", "kb2.json", "--image", "img", "--json");
        Files.createDirectories(image.resolve("Windows/WinSxS"));
        Files.writeString(image.resolve("Windows/WinSxS/pending.xml"), """
                <?xml version='1.0' encoding='utf-8'?>
                <PendingTransaction Version="3.1" Identifier="916b1a55a3d2d801">
                  <POQ postAction="reboot">
                    <MoveFile source="\\SystemRoot\\System32\\ntdll.new" destination="\\SystemRoot\\System32\\ntdll.dll"/>
                  </POQ>
                </PendingTransaction>
                """, StandardCharsets.UTF_8);

        CliRun after = CliRun.run(dir, "plan", "kb1.json", "kb2.json", "--image", "img", "--json");

        assertThat(before.json().at("/set/verdict").asText()).isEqualTo("SAFE_WITH_CHAIN");
        assertThat(conflicts(before, "PENDING_XML")).isEmpty();
        assertThat(after.exit()).as(after.err()).isZero();
        assertThat(after.json().at("/set/verdict").asText()).isEqualTo("SAFE_PARALLEL");
        assertThat(after.json().at("/machine/pendingXmlFileOperations").asInt()).isEqualTo(1);
        assertThat(conflicts(after, "PENDING_XML")).singleElement().satisfies(c -> assertThat(c.get("details")
                .toString()).contains("pending.xml: 6.1.0.4 (WinSxS\\\\pending.xml[0])"));
    }

    @Test
    void aValueThatPendingXmlSetsIsAConflictWithThePackageThatWritesIt() throws IOException {
        String key = "\"key\": \"HKLM\\\\Software\\\\Microsoft\\\\Windows\\\\CurrentVersion\\\\RunOnce\", "
                + "\"type\": \"REG_MULTI_SZ\", \"mode\": \"append\", \"data\": [\"a.exe\"], \"value\": ";
        manifest("setup.json", "SETUP", "naive", "", "{" + key + "\"Setup\"}");
        manifest("other.json", "OTHER", "naive", "", "{" + key + "\"Other\"}");
        Path image = image(system());
        Files.createDirectories(image.resolve("Windows/WinSxS"));
        Files.writeString(image.resolve("Windows/WinSxS/pending.xml"), """
                <?xml version='1.0' encoding='utf-8'?>
                <PendingTransaction Version="3.1" Identifier="916b1a55a3d2d801">
                  <POQ postAction="reboot">
                    <SetKeyValue path="\\Registry\\Machine\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\RunOnce" name="Setup" type="0x00000007" encoding="base64" value="YQAAAAAA"/>
                  </POQ>
                </PendingTransaction>
                """, StandardCharsets.UTF_8);

        CliRun touched = CliRun.run(dir, "plan", "setup.json", "--image", "img", "--json");
        CliRun untouched = CliRun.run(dir, "plan", "other.json", "--image", "img", "--json");

        assertThat(touched.exit()).as(touched.err()).isZero();
        assertThat(touched.json().at("/machine/pendingXmlRegistryChanges").asInt()).isEqualTo(1);
        assertThat(conflicts(touched, "PENDING_XML")).singleElement().satisfies(c -> assertThat(c.get("details")
                .toString()).isEqualTo("[\"SETUP appends [a.exe]\",\"pending.xml sets it: WinSxS\\\\pending.xml line 4\"]"));
        assertThat(untouched.json().get("conflicts")).isEmpty();
    }

    @Test
    void offlineHivesWithoutAnImageGiveTheQueueAndARunOnceCommandAlreadyPending() throws IOException {
        String key = "\"key\": \"HKLM\\\\Software\\\\Microsoft\\\\Windows\\\\CurrentVersion\\\\RunOnce\", "
                + "\"value\": \"Setup\", \"type\": \"REG_MULTI_SZ\", ";
        manifest("a.json", "A", "naive", "", "{" + key + "\"mode\": \"append\", \"data\": [\"a.exe\"]}");
        manifest("b.json", "B", "naive", "", "{" + key + "\"mode\": \"set\", \"data\": [\"b.exe\"]}");
        Files.write(dir.resolve("SYSTEM"), stagedOntoNtdll().build());
        Files.write(dir.resolve("SOFTWARE"), new RegfBuilder().value(RUN_ONCE, "Setup", REG_MULTI_SZ,
                MultiSz.of(List.of("old.exe /resume")).encode()).build());
        Files.write(dir.resolve("EMPTY"), new RegfBuilder().key(RUN_ONCE).build());

        CliRun run = CliRun.run(dir, "plan", "a.json", "b.json", "--hive-system", "SYSTEM", "--hive-software",
                "SOFTWARE");
        CliRun empty = CliRun.run(dir, "plan", "a.json", "b.json", "--hive-system", "SYSTEM", "--hive-software",
                "EMPTY", "--json");

        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).contains("registry values start from the machine's SYSTEM and SOFTWARE hives")
                .contains("1. A (naive installer) reads HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\RunOnce"
                        + "\\Setup: [old.exe /resume]")
                .contains("the reference runs [a.exe, b.exe, old.exe /resume]: a.exe, old.exe /resume never runs")
                .contains("(RunOnce pending): B sets [b.exe]; already set, to run at the next boot: [old.exe /resume]; a set before "
                        + "that boot overwrites it");
        assertThat(empty.json().at("/machine/registryRead").asBoolean()).isTrue();
        assertThat(conflicts(empty, "PENDING_RUN_ONCE")).isEmpty();
        assertThat(empty.json().at("/set/counterexample/steps/0").asText()).endsWith("\\Setup: not set");
    }

    @Test
    void aSoftwareHiveAloneGivesValuesButNoQueue() throws IOException {
        String key = "\"key\": \"HKLM\\\\Software\\\\Microsoft\\\\Windows\\\\CurrentVersion\\\\RunOnce\", "
                + "\"value\": \"Setup\", \"type\": \"REG_MULTI_SZ\", ";
        manifest("b.json", "B", "naive", "", "{" + key + "\"mode\": \"set\", \"data\": [\"b.exe\"]}");
        Files.write(dir.resolve("SOFTWARE"), new RegfBuilder().value(RUN_ONCE, "Setup", REG_MULTI_SZ,
                MultiSz.of(List.of("old.exe /resume")).encode()).build());

        CliRun run = CliRun.run(dir, "plan", "b.json", "--hive-software", "SOFTWARE", "--json");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.json().at("/machine/controlSet").asText()).isEmpty();
        assertThat(run.json().at("/machine/notes").toString())
                .isEqualTo("[\"registry values start from the machine's SOFTWARE hive\"]");
        assertThat(conflicts(run, "PENDING_RUN_ONCE")).singleElement()
                .satisfies(c -> assertThat(c.get("packages").toString()).isEqualTo("[\"B\"]"));
    }

    @Test
    void aDirtySystemHiveIsReadWithItsLogReplayed() throws IOException {
        hotfixThenNaive();
        // the same layout, the queue under a name nobody reads: the log's pages turn it into the real queue
        String[] strings = {"\\??\\" + STAGED, "!\\??\\" + NTDLL};
        byte[] stale = system().sequences(5, 4).value(SM, "PendingFileRenameOperationX", REG_MULTI_SZ,
                MultiSz.of(List.of(strings)).encode()).build();
        byte[] logged = queueing(system(), strings).sequences(5, 4).build();
        Path image = image(system());
        Path config = image.resolve("Windows/System32/config");
        Files.write(config.resolve("SYSTEM"), stale);
        Files.write(config.resolve("SYSTEM.LOG1"), RegfLogBuilder.newFormat(stale,
                new RegfLogBuilder.Step(4, stale, logged)));

        CliRun run = CliRun.run(dir, "plan", "kb1.json", "kb2.json", "--image", "img", "--json");

        assertThat(run.json().at("/set/verdict").asText()).as(run.err()).isEqualTo("SAFE_WITH_CHAIN");
        assertThat(run.json().at("/machine/queuedOperations").asInt()).isEqualTo(1);
        assertThat(run.json().get("warnings").toString()).contains("dirty hive, transaction logs [SYSTEM.LOG1] "
                + "replayed in memory");
    }

    @Test
    void aSystemHiveWrittenByHivexregeditGivesTheSameVerdictAsOurOwn() throws Exception {
        Corpus.requireTool("hivexregedit", "writes the SYSTEM hive with an independent registry writer");
        hotfixThenNaive();
        image(system());
        Path hive = dir.resolve("HIVEX_SYSTEM");
        Files.copy(Corpus.require("hives/hivex/minimal"), hive);
        hive.toFile().setWritable(true);
        StringBuilder queue = new StringBuilder();
        for (byte b : MultiSz.of(List.of("\\??\\" + STAGED, "!\\??\\" + NTDLL)).encode()) {
            queue.append(queue.isEmpty() ? "" : ",").append(String.format("%02x", b & 0xFF));
        }
        String root = "[HKEY_LOCAL_MACHINE\\SYSTEM";
        Files.writeString(dir.resolve("queue.reg"), "Windows Registry Editor Version 5.00\n\n"
                + root + "\\Select]\n\"Current\"=dword:00000001\n\n" + root + "\\ControlSet001]\n\n"
                + root + "\\ControlSet001\\Control]\n\n" + root + "\\ControlSet001\\Control\\Session Manager]\n"
                + "\"PendingFileRenameOperations\"=hex(7):" + queue + "\n");
        Process merge = new ProcessBuilder("hivexregedit", "--merge", "--prefix", "HKEY_LOCAL_MACHINE\\SYSTEM",
                hive.toString(), dir.resolve("queue.reg").toString()).redirectErrorStream(true).start();
        String log = new String(merge.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(merge.waitFor()).as(log).isZero();

        CliRun hivex = CliRun.run(dir, "plan", "kb1.json", "kb2.json", "--image", "img", "--hive-system",
                "HIVEX_SYSTEM", "--json");
        image(stagedOntoNtdll());
        CliRun ours = CliRun.run(dir, "plan", "kb1.json", "kb2.json", "--image", "img", "--json");

        assertThat(hivex.json().at("/set/verdict").asText()).as(hivex.err()).isEqualTo("SAFE_WITH_CHAIN");
        assertThat(hivex.json().get("set")).isEqualTo(ours.json().get("set"));
        assertThat(hivex.json().get("conflicts")).isEqualTo(ours.json().get("conflicts"));
    }

    @Test
    void theRealQueueOfACorpusHiveDeletesAFileAPackageInstalls() throws IOException {
        Path system = Corpus.require("hives/regipy/SYSTEM_2");
        String plugin = "C:\\\\Users\\\\master\\\\AppData\\\\Local\\\\Temp\\\\nsp9C0.tmp\\\\nsProcess.dll";
        manifest("nsis.json", "NSIS", "naive", "{\"path\": \"" + plugin + "\", \"version\": \"1.0\"}", "");
        manifest("other.json", "OTHER", "naive", "", "");

        CliRun run = CliRun.run(dir, "plan", "nsis.json", "--hive-system", system.toString(), "--json");
        CliRun untouched = CliRun.run(dir, "plan", "other.json", "--hive-system", system.toString(), "--json");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.json().at("/machine/queuedOperations").asInt()).isEqualTo(2);
        assertThat(conflicts(run, "PENDING_QUEUE")).singleElement().satisfies(c -> assertThat(c.get("details")
                .toString()).contains("already queued: deletes nsProcess.dll (PendingFileRenameOperations[0]): "
                + "\\\\??\\\\C:\\\\Users\\\\master\\\\AppData\\\\Local\\\\Temp\\\\nsp9C0.tmp\\\\nsProcess.dll -> "));
        assertThat(run.json().get("warnings").toString()).contains("DIRTY HIVE read without its transaction logs");
        assertThat(untouched.json().get("conflicts")).isEmpty();
    }
}
