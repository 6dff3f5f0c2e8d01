package dev.patchchain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchchain.core.queue.MultiSz;
import dev.patchchain.fleet.snapshot.MachineIdentity;
import dev.patchchain.fleet.snapshot.MachineStatus;
import dev.patchchain.fleet.snapshot.Snapshot;
import dev.patchchain.fleet.snapshot.SnapshotFormat;
import dev.patchchain.testing.regf.RegfBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scan --hive SYSTEM} and {@code scan --image DIR}: the queue from the SYSTEM hive, and the machine identity
 * from the image's SYSTEM (computer name of the current control set) and SOFTWARE (MachineGuid, CurrentBuild.UBR)
 * hives, built with RegfBuilder.
 */
class ScanHivesTest {

    private static final int REG_SZ = 1;
    private static final int REG_DWORD = 4;
    private static final String GUID = "4c4c4544-0031-3510-8052-b4c04f4e4e32";

    @TempDir
    Path dir;

    private TestImage image;

    @BeforeEach
    void image() throws Exception {
        image = new TestImage(dir.resolve("img"))
                .pe("C:\\Windows\\System32\\a.dll", "0.3.0.0")
                .pe("C:\\Windows\\Temp\\fix\\a.dll", "0.2.0.0");
        byte[] queue = MultiSz.of(List.of("\\??\\C:\\Windows\\Temp\\fix\\a.dll", "!\\??\\C:\\Windows\\System32\\a.dll"))
                .encode();
        Files.createDirectories(image.file("C:\\Windows\\System32\\config\\x").getParent());
        Files.write(image.file("C:\\Windows\\System32\\config\\SYSTEM"), new RegfBuilder()
                .value("Select", "Current", REG_DWORD, new byte[] {2, 0, 0, 0})
                .value("ControlSet001\\Control\\ComputerName\\ComputerName", "ComputerName", REG_SZ, sz("OLD-NAME"))
                .value("ControlSet002\\Control\\ComputerName\\ComputerName", "ComputerName", REG_SZ, sz("WS-0042"))
                .value("ControlSet002\\Control\\Session Manager", "PendingFileRenameOperations", 7, queue)
                .build());
        Files.write(image.file("C:\\Windows\\System32\\config\\SOFTWARE"), new RegfBuilder()
                .value("Microsoft\\Cryptography", "MachineGuid", REG_SZ, sz(GUID))
                .value("Microsoft\\Windows NT\\CurrentVersion", "CurrentBuild", REG_SZ, sz("19045"))
                .value("Microsoft\\Windows NT\\CurrentVersion", "UBR", REG_DWORD, new byte[] {0x4A, 0x18, 0, 0})
                .build());
    }

    @Test
    void anImageGivesTheQueueAndTheMachineIdentity() throws Exception {
        CliRun run = CliRun.run(dir, "scan", "--image", "img", "--out", "s.json");

        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        Snapshot snapshot = read("s.json");
        assertThat(snapshot.machine()).isEqualTo(new MachineIdentity(GUID, "WS-0042", Optional.of("19045.6218")));
        assertThat(snapshot.queue().operations()).isEqualTo(1);
        assertThat(snapshot.status()).isEqualTo(MachineStatus.DOWNGRADE);
    }

    @Test
    void optionsWinOverTheHives() throws Exception {
        CliRun run = CliRun.run(dir, "scan", "--image", "img", "--machine-id", "m-1", "--host", "H-1",
                "--os-build", "22631.1", "--out", "s.json");

        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        assertThat(read("s.json").machine()).isEqualTo(new MachineIdentity("m-1", "H-1", Optional.of("22631.1")));
    }

    @Test
    void aSystemHiveAloneGivesTheQueueAndTheComputerName() throws Exception {
        Files.copy(image.file("C:\\Windows\\System32\\config\\SYSTEM"), dir.resolve("SYSTEM"));

        CliRun run = CliRun.run(dir, "scan", "--hive", "SYSTEM", "--out", "s.json");

        assertThat(run.exit()).as(run.err()).isEqualTo(0);
        Snapshot snapshot = read("s.json");
        assertThat(snapshot.machine()).isEqualTo(new MachineIdentity("WS-0042", "WS-0042", Optional.empty()));
        assertThat(snapshot.queue().operations()).isEqualTo(1);
    }

    @Test
    void hivesThatNameNoMachineAreAUsageErrorWithNotes() throws Exception {
        Files.write(dir.resolve("SYSTEM"), new RegfBuilder()
                .value("Select", "Current", REG_DWORD, new byte[] {1, 0, 0, 0})
                .key("ControlSet001\\Control\\Session Manager").build());

        CliRun run = CliRun.run(dir, "scan", "--hive", "SYSTEM");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("no computer name", "--machine-id");
    }

    private Snapshot read(String file) throws Exception {
        return SnapshotFormat.read(Files.readAllBytes(dir.resolve(file)), file);
    }

    private static byte[] sz(String text) {
        return (text + "\0").getBytes(StandardCharsets.UTF_16LE);
    }
}
