package dev.patchchain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchchain.core.version.FileVersion;
import dev.patchchain.formats.pe.PeBuilder;
import dev.patchchain.testing.Corpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code patchchain plan} reads a servicing {@code .cab} (made with {@code gcab}) beside a JSON manifest. */
class PlanServicingPackageTest {

    private static final String COMPONENT = "amd64_microsoft-windows-ntdll_31bf3856ad364e35_6.1.7601.3_none_1";

    @TempDir
    Path dir;

    @Test
    void aServicingCabinetConflictsWithANaiveInstaller() throws Exception {
        Corpus.requireTool("gcab", "makes the servicing cabinet");
        Files.writeString(dir.resolve("update.mum"), "<assembly><assemblyIdentity name=\"Package_for_KB7\" "
                + "version=\"6.1.1.1\" processorArchitecture=\"amd64\"/><package identifier=\"KB7\"/></assembly>");
        Files.writeString(dir.resolve(COMPONENT + ".manifest"), "<assembly><assemblyIdentity "
                + "name=\"Microsoft-Windows-Ntdll\" version=\"6.1.7601.3\" processorArchitecture=\"amd64\"/>"
                + "<file name=\"ntdll.dll\" destinationPath=\"$(runtime.system32)\\\"/></assembly>");
        Files.createDirectories(dir.resolve(COMPONENT));
        Files.write(dir.resolve(COMPONENT + "/ntdll.dll"),
                PeBuilder.dll().fileVersion(FileVersion.parse("6.1.0.3")).build());
        Process gcab = new ProcessBuilder("gcab", "-cz", "kb7.cab", "update.mum", COMPONENT + ".manifest",
                COMPONENT + "/ntdll.dll").directory(dir.toFile()).inheritIO().start();
        assertThat(gcab.waitFor(60, TimeUnit.SECONDS) && gcab.exitValue() == 0).isTrue();
        Files.writeString(dir.resolve("kb2.json"), """
                {"format": "patchchain-package", "version": 1, "id": "KB2", "engine": "naive",
                 "files": [{"path": "C:\\\\Windows\\\\System32\\\\ntdll.dll", "version": "6.1.0.2",
                            "onDisk": "6.1.0.1"}]}
                """);

        CliRun run = CliRun.run(dir, "plan", "kb7.cab", "kb2.json");

        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("C:\\Windows\\System32\\ntdll.dll: KB7 installs 6.1.0.3")
                .contains("All 2 packages: ");
    }

    @Test
    void anExpressMsuIsPlannedFromItsWim() throws Exception {
        Corpus.requireTool("gcab", "makes the .msu");
        Corpus.requireTool("wimlib-imagex", "makes the express package's WIM");
        Path tree = Files.createDirectories(dir.resolve("tree"));
        Files.writeString(tree.resolve("update.mum"), "<assembly><assemblyIdentity name=\"Package_for_KB8\" "
                + "version=\"10.0.1.1\" processorArchitecture=\"amd64\"/><package identifier=\"KB8\"/></assembly>");
        Files.writeString(tree.resolve(COMPONENT + ".manifest"), "<assembly><assemblyIdentity "
                + "name=\"Microsoft-Windows-Ntdll\" version=\"6.1.7601.3\" processorArchitecture=\"amd64\"/>"
                + "<file name=\"ntdll.dll\" destinationPath=\"$(runtime.system32)\\\"/></assembly>");
        run(dir, "wimlib-imagex", "capture", "tree", "Windows10.0-KB8-x64.wim", "--compress=LZX");
        Files.writeString(dir.resolve("Windows10.0-KB8-x64.psf"), "deltas, not read");
        run(dir, "gcab", "-c", "kb8.msu", "Windows10.0-KB8-x64.wim", "Windows10.0-KB8-x64.psf");
        Files.writeString(dir.resolve("kb2.json"), """
                {"format": "patchchain-package", "version": 1, "id": "KB2", "engine": "naive",
                 "files": [{"path": "C:\\\\Windows\\\\System32\\\\ntdll.dll", "version": "6.1.0.2",
                            "onDisk": "6.1.0.1"}]}
                """);

        CliRun run = CliRun.run(dir, "plan", "kb8.msu", "kb2.json");

        assertThat(run.out() + run.err()).contains("C:\\Windows\\System32\\ntdll.dll: KB8 installs 6.1.7601.3")
                .contains("All 2 packages: ").contains(".psf");
    }

    private static void run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0).as(String.join(" ", command)).isTrue();
    }
}
