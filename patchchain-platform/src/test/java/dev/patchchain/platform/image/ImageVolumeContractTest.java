package dev.patchchain.platform.image;

import dev.patchchain.core.path.WinPath;
import dev.patchchain.core.version.FileVersion;
import dev.patchchain.core.volume.VolumeState;
import dev.patchchain.formats.pe.PeBuilder;
import dev.patchchain.testing.volume.VolumeStateContract;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** The real adapter passes the volume contract: a directory of built PE files read by {@link PeFileInspector}. */
class ImageVolumeContractTest extends VolumeStateContract {

    @TempDir
    Path root;

    @Override
    protected VolumeState create(Map<String, FileVersion> files) throws IOException {
        for (Map.Entry<String, FileVersion> e : files.entrySet()) {
            Path file = root;
            for (String name : WinPath.parse(e.getKey()).names()) {
                file = file.resolve(name);
            }
            Files.createDirectories(file.getParent());
            Files.write(file, PeBuilder.dll().fileVersion(e.getValue()).build());
        }
        return ImageVolume.open(root, 'C', new PeFileInspector());
    }
}
