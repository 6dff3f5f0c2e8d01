package dev.patchchain.platform.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.patchchain.core.path.WinPath;
import dev.patchchain.core.queue.MultiSz;
import dev.patchchain.core.registry.RegistryValue;
import dev.patchchain.core.registry.SessionManagerQueue;
import dev.patchchain.core.signals.MachineRegistry;
import dev.patchchain.core.signals.RebootSignal;
import dev.patchchain.core.signals.RebootSignals;
import dev.patchchain.core.signals.SignalCode;
import dev.patchchain.core.signals.SignalOptions;
import dev.patchchain.core.signals.SignalReport;
import dev.patchchain.core.signals.Zombie;
import dev.patchchain.core.verify.RegistryInventory;
import dev.patchchain.core.verify.RegistryUpdates;
import dev.patchchain.core.volume.PathState;
import dev.patchchain.formats.attribution.AttributionRulesReader;
import dev.patchchain.platform.image.PeFileInspector;
import dev.patchchain.platform.registry.FakeAdvapi;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live path end to end without Windows: a fake Advapi32 answering with one machine's keys, read by the live
 * registry view, feeds the same signal, queue and inventory code as an offline hive; a directory stands for
 * {@code C:\}.
 */
class LiveWindowsTest {

    private static final String SM = "SYSTEM\\ControlSet001\\Control\\Session Manager";
    private static final String CBS = "SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Component Based Servicing";

    @TempDir
    Path drive;

    private final FakeAdvapi api = new FakeAdvapi()
            .value("SYSTEM\\Select", "Current", RegistryValue.REG_DWORD, new byte[] {1, 0, 0, 0})
            .value(SM, "PendingFileRenameOperations", RegistryValue.REG_MULTI_SZ, MultiSz.of(List.of(
                    "\\??\\C:\\Windows\\Temp\\new.dll", "!\\??\\C:\\Windows\\System32\\a.dll",
                    "\\??\\C:\\Windows\\Temp\\gone.tmp", "")).encode())
            .key(CBS + "\\RebootPending")
            .value(CBS + "\\Packages\\Package_for_KB5034441~31bf3856ad364e35~amd64~~10.0.1.1", "CurrentState",
                    RegistryValue.REG_DWORD, new byte[] {0x70, 0, 0, 0})
            .value("SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion", "SystemRoot", RegistryValue.REG_SZ,
                    utf16("C:\\WINDOWS"));

    @Test
    void signalsQueueAndInventoryComeThroughTheLiveView() throws IOException {
        Files.createDirectories(drive.resolve("Windows/Temp"));
        Files.writeString(drive.resolve("Windows/Temp/new.dll"), "x");
        LiveWindows live = new LiveWindows(api.view("SYSTEM"), api.view("SOFTWARE"), Map.of(), drive,
                new PeFileInspector());

        SignalReport report = RebootSignals.evaluate(new MachineRegistry(live.system(), live.software()),
                new SignalOptions(AttributionRulesReader.defaults(), Set.of(), live.volume(), live.pathContext()));
        SessionManagerQueue queue = SessionManagerQueue.read(live.system(), live.pathContext()).orElseThrow();
        RegistryUpdates updates = RegistryInventory.read(live.software(), live.pathContext());

        assertThat(report.signals()).extracting(RebootSignal::code)
                .containsExactly(SignalCode.CBS_REBOOT_PENDING, SignalCode.FILE_RENAME_PENDING);
        assertThat(report.zombies()).extracting(Zombie::reason).containsExactly(Zombie.Reason.SOURCE_GONE);
        assertThat(queue.queue().operations()).hasSize(2);
        assertThat(updates.inventory().updates()).extracting(u -> u.id().value()).containsExactly("KB5034441");
        assertThat(live.volume().stat(WinPath.parse("c:\\windows\\temp\\NEW.DLL"))).isNotEqualTo(PathState.ABSENT);
    }

    @Test
    void theWindowsDirectoryComesFromTheEnvironmentFirst() throws IOException {
        LiveWindows live = new LiveWindows(api.view("SYSTEM"), api.view("SOFTWARE"), Map.of("SYSTEMROOT", "D:\\Win"),
                drive, new PeFileInspector());

        assertThat(live.pathContext().systemRoot().toString()).isEqualToIgnoringCase("D:\\Win");
        assertThat(live.volume().drive()).isEqualTo('D');
    }

    @Test
    void anUnknownWindowsDirectoryIsAnError() {
        FakeAdvapi bare = new FakeAdvapi().key("SOFTWARE\\Microsoft").key("SYSTEM\\Select");

        assertThatThrownBy(() -> new LiveWindows(bare.view("SYSTEM"), bare.view("SOFTWARE"), Map.of(), drive,
                new PeFileInspector())).isInstanceOf(IOException.class)
                .hasMessageContaining("the Windows directory is unknown");
    }

    private static byte[] utf16(String s) {
        return (s + "\0").getBytes(StandardCharsets.UTF_16LE);
    }
}
