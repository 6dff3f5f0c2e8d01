package dev.patchchain.cli.machine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.patchchain.core.path.PathContext;
import dev.patchchain.core.registry.RegistryValue;
import dev.patchchain.core.volume.VolumeState;
import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.regf.RegfOptions;
import dev.patchchain.platform.image.ImageVolume;
import dev.patchchain.platform.image.PeFileInspector;
import dev.patchchain.testing.regf.RegfBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HiveFileMachineTest {

    @TempDir
    Path dir;

    @Test
    void anImagesHivesAreFoundCaseInsensitivelyAndOpenedWhenAskedFor() throws Exception {
        Path config = Files.createDirectories(dir.resolve("windows/system32/CONFIG"));
        Files.write(config.resolve("software"), new RegfBuilder()
                .value("Microsoft\\Cryptography", "MachineGuid", RegistryValue.REG_SZ, new byte[] {'a', 0}).build());
        ImageVolume image = ImageVolume.open(dir, 'C', new PeFileInspector());

        try (HiveFileMachine machine = HiveFileMachine.image(image, PathContext.DEFAULT, RegfOptions.STRICT)) {
            assertThat(machine.system()).isEmpty();
            assertThat(machine.software()).hasValueSatisfying(h -> {
                assertThat(h.name()).isEqualTo(config.resolve("software").toString());
                assertThat(h.view().keyExists("MICROSOFT\\cryptography")).isTrue();
            });
            assertThat(machine.volume()).isSameAs(image);
            assertThat(machine.volumeName()).isEqualTo(dir.toAbsolutePath().normalize() + " (drive C:)");
        }
    }

    @Test
    void aFileThatIsNotAHiveFailsWhenOpenedNotBefore() throws Exception {
        Path bad = Files.writeString(dir.resolve("SYSTEM"), "not a hive");
        HiveFileMachine machine = new HiveFileMachine(Optional.of(bad), Optional.empty(), VolumeState.UNKNOWN, "none",
                PathContext.DEFAULT, RegfOptions.STRICT);

        assertThat(machine.software()).isEmpty();
        assertThatThrownBy(machine::system).isInstanceOf(FormatException.class);
    }
}
