package dev.patchchain.platform.registry;

import dev.patchchain.core.registry.RegistryView;
import dev.patchchain.formats.regf.RegfHive;
import dev.patchchain.formats.regf.RegfOptions;
import dev.patchchain.formats.regf.RegfRegistryView;
import dev.patchchain.testing.regf.RegfBuilder;
import dev.patchchain.testing.registry.RegistryViewContract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The offline hive view passes the registry view contract (the hive written by {@link RegfBuilder}). */
class RegfRegistryViewContractTest extends RegistryViewContract {

    @TempDir
    Path dir;

    private RegfHive hive;

    @Override
    protected RegistryView create(List<Entry> tree) throws Exception {
        RegfBuilder builder = new RegfBuilder();
        for (Entry e : tree) {
            if (e.name() == null) {
                builder.key(e.key());
            } else {
                builder.value(e.key(), e.name(), e.type(), e.data());
            }
        }
        Path file = Files.write(dir.resolve("SYSTEM"), builder.build());
        hive = RegfHive.open(file, RegfOptions.STRICT);
        return new RegfRegistryView(hive);
    }

    @AfterEach
    void close() throws Exception {
        if (hive != null) {
            hive.close();
        }
    }
}
