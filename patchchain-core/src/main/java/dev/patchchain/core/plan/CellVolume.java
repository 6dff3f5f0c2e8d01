package dev.patchchain.core.plan;

import dev.patchchain.core.path.WinPath;
import dev.patchchain.core.volume.FileFacts;
import dev.patchchain.core.volume.PathState;
import dev.patchchain.core.volume.VolumeState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The volume a {@link FileCell} boots on: the target as the cell knows it, its staged files, the paths the machine's
 * pending entries name (as they are on disk), and the directories above them. Nothing else exists; the boot of one
 * target looks at nothing else.
 */
final class CellVolume implements VolumeState {

    private final FileCell cell;

    CellVolume(FileCell cell) {
        this.cell = cell;
    }

    @Override
    public PathState stat(WinPath path) {
        PathState known = files().get(path);
        if (known != null) {
            return known;
        }
        return files().keySet().stream().anyMatch(path::contains) ? PathState.DIRECTORY : PathState.ABSENT;
    }

    @Override
    public List<String> list(WinPath directory) {
        List<String> names = new ArrayList<>();
        files().forEach((path, state) -> {
            if (!state.exists() || !directory.contains(path) || directory.equals(path)) {
                return;
            }
            String name = path.names().get(directory.names().size());
            if (names.stream().noneMatch(name::equalsIgnoreCase)) {
                names.add(name);
            }
        });
        return names;
    }

    /** Every file this volume holds, the target last so that it wins over the machine's view of it. */
    private Map<WinPath, PathState> files() {
        Map<WinPath, PathState> files = new LinkedHashMap<>(cell.machine().paths());
        for (FileCell.Staged s : cell.queue()) {
            files.put(s.source(), PathState.file(FileFacts.versioned(-1, s.version())));
        }
        files.put(cell.target(), cell.disk());
        return files;
    }
}
