package dev.patchchain.platform.registry;

import dev.patchchain.core.registry.QueueRegistry;
import dev.patchchain.core.registry.QueueValues;
import dev.patchchain.formats.regf.HiveUpdateOptions;
import dev.patchchain.testing.registry.QueueRegistryContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The offline hive adapter passes the registry contract. */
class HiveQueueRegistryContractTest extends QueueRegistryContract {

    @TempDir
    Path dir;

    @Override
    protected QueueRegistry create(QueueValues initial) throws Exception {
        Path hive = SystemHives.write(dir.resolve("SYSTEM"), initial);
        return new HiveQueueRegistry(hive, HiveUpdateOptions.DEFAULT.withBackupDir(dir));
    }
}
