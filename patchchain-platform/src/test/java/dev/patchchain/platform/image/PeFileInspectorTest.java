package dev.patchchain.platform.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchchain.core.version.FileVersion;
import dev.patchchain.core.volume.FileFacts;
import dev.patchchain.formats.pe.PeBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link PeFileInspector} reports the fixed FileVersion, or says why there is none. */
class PeFileInspectorTest {

    @TempDir
    Path dir;
    private final PeFileInspector inspector = new PeFileInspector();

    @Test
    void versionedImage() throws IOException {
        FileVersion v = FileVersion.parse("10.0.14393.187");
        Path file = Files.write(dir.resolve("tcpip.sys"), PeBuilder.dll().fileVersion(v).build());

        assertThat(inspector.inspect(file, 1234)).isEqualTo(FileFacts.versioned(1234, v));
    }

    @Test
    void unversionedImagesSayWhy() throws IOException {
        byte[] image = PeBuilder.dll().fileVersion(FileVersion.parse("1.0")).build();
        Path plain = Files.write(dir.resolve("plain.dll"), PeBuilder.dll().build());
        Path text = Files.writeString(dir.resolve("readme.txt"), "hello");
        Path damaged = Files.write(dir.resolve("cut.dll"), Arrays.copyOf(image, 0x210));

        assertThat(inspector.inspect(plain, 1).versionNote()).isEqualTo("no VERSIONINFO resource");
        assertThat(inspector.inspect(text, 5).versionNote()).startsWith("not a PE image: ").contains("readme.txt");
        assertThat(inspector.inspect(damaged, 0x210).versionNote()).startsWith("damaged PE image: ")
                .contains("cut.dll at 0x");
        assertThat(inspector.inspect(dir.resolve("absent.dll"), 0).versionNote()).startsWith("unreadable: ");
        assertThat(inspector.inspect(text, 5).version()).isEmpty();
    }
}
