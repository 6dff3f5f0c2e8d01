package dev.patchchain.testing.volume;

import dev.patchchain.core.path.WinPath;
import dev.patchchain.core.version.FileVersion;
import dev.patchchain.core.volume.FileFacts;
import dev.patchchain.core.volume.InMemoryVolume;
import dev.patchchain.core.volume.VolumeState;
import java.util.Map;

/** The in-memory fake passes the volume contract. */
class InMemoryVolumeContractTest extends VolumeStateContract {

    @Override
    protected VolumeState create(Map<String, FileVersion> files) {
        InMemoryVolume volume = new InMemoryVolume();
        files.forEach((path, version) -> volume.putFile(WinPath.parse(path), FileFacts.versioned(100, version)));
        return volume;
    }
}
