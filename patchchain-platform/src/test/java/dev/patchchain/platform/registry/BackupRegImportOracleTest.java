package dev.patchchain.platform.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchchain.core.path.PathContext;
import dev.patchchain.core.queue.MultiSz;
import dev.patchchain.core.queue.QueueValueName;
import dev.patchchain.core.registry.InMemoryQueueRegistry;
import dev.patchchain.core.registry.QueueValues;
import dev.patchchain.formats.reg.QueueRegistryView;
import dev.patchchain.formats.reg.RegFileReader;
import dev.patchchain.formats.reg.RegistryQueue;
import dev.patchchain.testing.Corpus;
import dev.patchchain.testing.wine.WinePrefix;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code .reg} backup is what {@code reg import} takes: imported into a Wine prefix and exported again with
 * {@code regedit /E}, both values hold the exact bytes read before the write (Wine's {@code reg} is the oracle).
 */
class BackupRegImportOracleTest {

    @TempDir
    Path dir;

    @Test
    void wineRegImportRestoresTheExactValues() throws Exception {
        Corpus.requireTool("wine", "imports the .reg backup");
        QueueValues before = QueueValues.of(SafeQueueWriteTest.OLD,
                MultiSz.of(List.of("\\??\\C:\\Windows\\Temp\\old.dll", "")).encode());
        InMemoryQueueRegistry registry = new InMemoryQueueRegistry(before, Instant.EPOCH);
        ApplyOptions options = new ApplyOptions(dir.resolve("backups"), "chain", "test", "host1",
                Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC), ApplyHook.NONE);
        QueueBackup backup = new SafeQueueWrite(registry, options)
                .run(read -> new QueueEdit.Result(QueueValues.ABSENT, List.of("cleared")))
                .backup().orElseThrow();

        WinePrefix prefix = WinePrefix.create(dir.resolve("prefix"));
        try {
            prefix.importRegFile(backup.regFile());
            Path export = dir.resolve("export.reg");
            RegistryQueue imported = QueueRegistryView.read(RegFileReader.read(prefix.exportSessionManager(export),
                    export.toString()), export.toString(), PathContext.DEFAULT);

            assertThat(imported.queue().encode(QueueValueName.PENDING_FILE_RENAME_OPERATIONS))
                    .contains(before.first());
            assertThat(imported.queue().encode(QueueValueName.PENDING_FILE_RENAME_OPERATIONS_2))
                    .contains(before.second());
        } finally {
            prefix.stop();
        }
    }
}
