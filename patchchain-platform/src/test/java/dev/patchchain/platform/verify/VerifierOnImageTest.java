package dev.patchchain.platform.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchchain.core.boot.BootRules;
import dev.patchchain.core.boot.BootSimulator;
import dev.patchchain.core.path.PathContext;
import dev.patchchain.core.path.WinPath;
import dev.patchchain.core.queue.MultiSz;
import dev.patchchain.core.queue.PendingQueue;
import dev.patchchain.core.verify.CatalogUpdate;
import dev.patchchain.core.verify.ExpectedFile;
import dev.patchchain.core.verify.HotfixInventory;
import dev.patchchain.core.verify.InstalledUpdate;
import dev.patchchain.core.verify.UpdateCatalog;
import dev.patchchain.core.verify.UpdateId;
import dev.patchchain.core.verify.Verifier;
import dev.patchchain.core.verify.VerifyStatus;
import dev.patchchain.core.version.FileVersion;
import dev.patchchain.formats.pe.PeBuilder;
import dev.patchchain.platform.image.ImageVolume;
import dev.patchchain.platform.image.PeFileInspector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each status on a real image directory: PE files built with PeBuilder, queues encoded as REG_MULTI_SZ. Every
 * test makes its status appear, then changes one thing (the disk, the queue or the inventory) and sees it go.
 */
class VerifierOnImageTest {

    private static final String TARGET = "C:\\Windows\\System32\\tcpip.sys";
    private static final String STAGED = "C:\\Windows\\WinSxS\\Temp\\PendingRenames\\tcpip.sys";
    private static final String EXPECTED = "6.1.7601.23403";
    private static final String OLDER = "6.1.7601.17514";
    private static final UpdateId KB1 = UpdateId.parse("KB3146706");
    private static final UpdateId KB2 = UpdateId.parse("KB3153171");

    @TempDir
    Path root;

    private final List<String> queue = new ArrayList<>();
    private HotfixInventory installed = inventory(KB1);
    private UpdateCatalog catalog = new UpdateCatalog(List.of(update(KB1, List.of(), EXPECTED)));

    private Path file(String windowsPath) {
        Path file = root;
        for (String part : windowsPath.substring(3).split("\\\\")) {
            file = file.resolve(part);
        }
        return file;
    }

    private void pe(String windowsPath, String version) throws IOException {
        Path file = file(windowsPath);
        Files.createDirectories(file.getParent());
        Files.write(file, PeBuilder.dll().fileVersion(FileVersion.parse(version)).build());
    }

    private void replaceAtBoot(String source, String target) {
        queue.add("\\??\\" + source);
        queue.add("!\\??\\" + target);
    }

    private static HotfixInventory inventory(UpdateId... ids) {
        return HotfixInventory.of(Optional.empty(), List.of(ids).stream().map(id -> InstalledUpdate.of(id, "test")).toList(),
                List.of());
    }

    private static CatalogUpdate update(UpdateId id, List<UpdateId> supersedes, String version) {
        return new CatalogUpdate(id, "", supersedes, List.of(new ExpectedFile(WinPath.parse(TARGET),
                Optional.ofNullable(version).map(FileVersion::parse), Optional.empty())));
    }

    private VerifyStatus status() throws IOException {
        ImageVolume volume = ImageVolume.open(root, 'C', new PeFileInspector());
        PendingQueue pending = PendingQueue.decode(MultiSz.of(queue).encode(), null, PathContext.DEFAULT);
        var boot = new BootSimulator(BootRules.WINDOWS).run(pending, volume);
        return Verifier.verify(installed, catalog, volume, boot).updates().get(0).status();
    }

    @Test
    void current() throws IOException {
        pe(TARGET, EXPECTED);
        assertThat(status()).isEqualTo(VerifyStatus.CURRENT);
        pe(TARGET, OLDER);
        assertThat(status()).isNotEqualTo(VerifyStatus.CURRENT);
    }

    @Test
    void currentAfterReboot() throws IOException {
        pe(TARGET, OLDER);
        pe(STAGED, EXPECTED);
        replaceAtBoot(STAGED, TARGET);
        assertThat(status()).isEqualTo(VerifyStatus.CURRENT_AFTER_REBOOT);
        Files.delete(file(STAGED));
        assertThat(status()).isEqualTo(VerifyStatus.REGRESSED);
    }

    @Test
    void regressesAfterReboot() throws IOException {
        pe(TARGET, EXPECTED);
        pe(STAGED, OLDER);
        replaceAtBoot(STAGED, TARGET);
        assertThat(status()).isEqualTo(VerifyStatus.REGRESSES_AFTER_REBOOT);
        queue.clear();
        assertThat(status()).isEqualTo(VerifyStatus.CURRENT);
    }

    @Test
    void regressed() throws IOException {
        pe(TARGET, OLDER);
        assertThat(status()).isEqualTo(VerifyStatus.REGRESSED);
        pe(TARGET, EXPECTED);
        assertThat(status()).isEqualTo(VerifyStatus.CURRENT);
    }

    @Test
    void missing() throws IOException {
        Files.createDirectories(file(TARGET).getParent());
        assertThat(status()).isEqualTo(VerifyStatus.MISSING);
        pe(STAGED, EXPECTED);
        replaceAtBoot(STAGED, TARGET);
        assertThat(status()).isEqualTo(VerifyStatus.CURRENT_AFTER_REBOOT);
    }

    @Test
    void superseded() throws IOException {
        pe(TARGET, "6.1.7601.17600");
        catalog = new UpdateCatalog(List.of(update(KB1, List.of(), EXPECTED), update(KB2, List.of(KB1), "6.1.7601.17600")));
        installed = inventory(KB1, KB2);
        assertThat(status()).isEqualTo(VerifyStatus.SUPERSEDED);
        installed = inventory(KB1);
        assertThat(status()).isEqualTo(VerifyStatus.REGRESSED);
    }

    @Test
    void unverifiable() throws IOException {
        Files.createDirectories(file(TARGET).getParent());
        Files.writeString(file(TARGET), "not a PE file");
        assertThat(status()).isEqualTo(VerifyStatus.UNVERIFIABLE);
        pe(TARGET, EXPECTED);
        assertThat(status()).isEqualTo(VerifyStatus.CURRENT);
        catalog = new UpdateCatalog(List.of(update(KB1, List.of(), null)));
        assertThat(status()).isEqualTo(VerifyStatus.UNVERIFIABLE);
    }
}
