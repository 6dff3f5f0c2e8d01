package dev.patchchain.testing.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchchain.core.boot.BootResult;
import dev.patchchain.core.boot.BootRules;
import dev.patchchain.core.boot.BootSimulator;
import dev.patchchain.core.path.PathContext;
import dev.patchchain.core.path.WinPath;
import dev.patchchain.core.queue.MultiSz;
import dev.patchchain.core.queue.PendingQueue;
import dev.patchchain.core.queue.QueueValueName;
import dev.patchchain.core.version.FileVersion;
import dev.patchchain.core.volume.InMemoryVolume;
import dev.patchchain.formats.pe.PeBuilder;
import dev.patchchain.formats.reg.QueueRegistryView;
import dev.patchchain.formats.reg.RegFileWriter;
import dev.patchchain.formats.regquery.RegQueryParser;
import dev.patchchain.testing.Corpus;
import dev.patchchain.testing.wine.DriveTree;
import dev.patchchain.testing.wine.WinePrefix;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The queue strings {@code MoveFileExW} never writes, imported with {@code reg import} and booted by
 * {@code wineboot -r}: markers ({@code *1}, {@code @}), DOS and {@code \SystemRoot} paths, the second value, an
 * empty source string. Each case sits in its own directory; one boot runs them all, and the simulator with
 * {@link BootRules#WINE} must predict every file. These are the places where Wine and Windows differ
 * (docs/semantics.md), so this pins what {@code WINE} means; Windows' side stays covered by unit tests.
 */
class WineQueueEdgesOracleTest {

    private static final Path WORK = Path.of("target/wine-oracle-edges");
    private static final FileVersion OLD = FileVersion.parse("0.1");
    private static final FileVersion NEW = FileVersion.parse("0.2");
    /** Every case's files live under {@code C:\windows\e\<case>} so that {@code \SystemRoot} reaches them too. */
    private static final WinPath ROOT = WinPath.parse("C:\\windows\\e");

    /**
     * One case: files in its directory ({@code name -> version}), then its strings, where {@code %} stands for
     * the directory as {@code C:\windows\e\<case>} and {@code $} for it as {@code \SystemRoot\e\<case>}.
     */
    private record Case(String name, Map<String, FileVersion> files, List<String> first, List<String> second) {
        String dir() {
            return ROOT + "\\" + name;
        }

        List<String> expand(List<String> strings) {
            return strings.stream().map(s -> s.replace("%", dir()).replace("$", "\\SystemRoot\\e\\" + name)).toList();
        }
    }

    private static final List<Case> CASES = List.of(
            new Case("at-target-exists", Map.of("a.tmp", NEW, "a.dll", OLD), List.of("\\??\\%\\a.tmp", "@\\??\\%\\a.dll"), List.of()),
            new Case("at-target-absent", Map.of("a.tmp", NEW), List.of("\\??\\%\\a.tmp", "@\\??\\%\\a.dll"), List.of()),
            new Case("dos-replace", Map.of("a.tmp", NEW, "a.dll", OLD), List.of("%\\a.tmp", "!%\\a.dll"), List.of()),
            new Case("dos-delete", Map.of("a.tmp", NEW), List.of("%\\a.tmp", ""), List.of()),
            new Case("star1-rename", Map.of("a.tmp", NEW, "a.dll", OLD), List.of("*1\\??\\%\\a.tmp", "!\\??\\%\\a.dll"), List.of()),
            new Case("star2-rename", Map.of("a.tmp", NEW), List.of("*2\\??\\%\\a.tmp", "\\??\\%\\a.dll"), List.of()),
            new Case("at-source-delete", Map.of("a.tmp", NEW), List.of("@\\??\\%\\a.tmp", ""), List.of()),
            new Case("systemroot-rename", Map.of("a.tmp", NEW), List.of("$\\a.tmp", "!$\\a.dll"), List.of()),
            new Case("nt-other-case", Map.of("a.tmp", NEW, "a.dll", OLD), List.of("\\??\\%\\a.tmp", "!\\??\\%\\A.DLL"), List.of()),
            new Case("second-value", Map.of("a.tmp", NEW, "a.dll", OLD), List.of(), List.of("\\??\\%\\a.tmp", "!\\??\\%\\a.dll")),
            // last in the first value: the empty source ends the walk, so the rename after it never runs
            new Case("empty-source-stops", Map.of("a.tmp", NEW, "b.tmp", NEW),
                    List.of("\\??\\%\\a.tmp", "\\??\\%\\a.dll", "", "", "\\??\\%\\b.tmp", "\\??\\%\\b.dll"), List.of()));

    @Test
    void wineBootsOddQueuesAsBootRulesWineSays() throws Exception {
        Corpus.requireTool("wine", "imports the queue and boots");
        Corpus.requireTool("wineboot", "executes the pending queue");
        HostFiles.deleteTree(WORK);
        Files.createDirectories(WORK);
        WinePrefix prefix = WinePrefix.create(WORK.resolve("prefix"));
        try {
            List<String> first = new ArrayList<>();
            List<String> second = new ArrayList<>();
            for (Case c : CASES) {
                Path dir = Files.createDirectories(host(prefix, c.dir()));
                for (Map.Entry<String, FileVersion> f : c.files().entrySet()) {
                    Files.write(dir.resolve(f.getKey()), PeBuilder.dll().fileVersion(f.getValue()).build());
                }
                first.addAll(c.expand(c.first()));
                second.addAll(c.expand(c.second()));
            }
            PendingQueue queue = PendingQueue.decode(MultiSz.of(first).encode(), MultiSz.of(second).encode(), PathContext.DEFAULT);
            Path reg = WORK.resolve("edges.reg");
            Files.write(reg, RegFileWriter.write(QueueRegistryView.toRegFile(queue, QueueRegistryView.CURRENT_KEY_PATH)));
            prefix.importRegFile(reg);
            PendingQueue imported = RegQueryParser.parse(prefix.wine("reg", "query", WinePrefix.SESSION_MANAGER).bytes(),
                    "wine reg query", PathContext.DEFAULT).queue();
            assertThat(imported.operations()).as("the queue as Wine holds it").isEqualTo(queue.operations());

            InMemoryVolume before = DriveTree.read(prefix.driveC(), ROOT);
            BootResult predicted = new BootSimulator(BootRules.WINE).run(queue, before);
            prefix.reboot();
            InMemoryVolume after = DriveTree.read(prefix.driveC(), ROOT);

            List<String> disagreements = new ArrayList<>();
            for (Case c : CASES) {
                WinPath dir = WinPath.parse(c.dir());
                var expected = DriveTree.listing(predicted.after(), dir);
                var actual = DriveTree.listing(after, dir);
                if (!expected.equals(actual)) {
                    disagreements.add(c.name() + ": predicted " + expected + ", Wine " + actual);
                }
            }
            PendingQueue left = RegQueryParser.parse(prefix.wine("reg", "query", WinePrefix.SESSION_MANAGER).bytes(),
                    "wine reg query", PathContext.DEFAULT).queue();
            System.out.println("[oracle] wineboot edges: " + CASES.size() + " cases, " + disagreements.size() + " disagreements");
            disagreements.forEach(System.out::println);
            assertThat(disagreements).isEmpty();
            assertThat(left.hasValue(QueueValueName.PENDING_FILE_RENAME_OPERATIONS)).as("the first value is deleted").isFalse();
            assertThat(left.strings(QueueValueName.PENDING_FILE_RENAME_OPERATIONS_2)).as("the second value is left as it was")
                    .isEqualTo(queue.strings(QueueValueName.PENDING_FILE_RENAME_OPERATIONS_2));
        } finally {
            prefix.stop();
            HostFiles.deleteTree(WORK.resolve("prefix"));
        }
    }

    private static Path host(WinePrefix prefix, String windowsDir) {
        Path path = prefix.driveC();
        for (String name : WinPath.parse(windowsDir).names()) {
            path = path.resolve(name);
        }
        return path;
    }
}
