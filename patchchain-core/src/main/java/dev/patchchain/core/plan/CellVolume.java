package dev.patchchain.core.plan;

import dev.patchchain.core.path.WinPath;
import dev.patchchain.core.volume.FileFacts;
import dev.patchchain.core.volume.PathState;
import dev.patchchain.core.volume.VolumeState;
import java.util.ArrayList;
import java.util.List;

/**
 * The volume a {@link FileCell} boots on: the target as the cell knows it, its staged files, and the directories
 * above them. Nothing else exists; the boot of one target looks at nothing else.
 */
final class CellVolume implements VolumeState {

    private final FileCell cell;

    CellVolume(FileCell cell) {
        this.cell = cell;
    }

    @Override
    public PathState stat(WinPath path) {
        if (path.equals(cell.target())) {
            return cell.disk();
        }
        for (FileCell.Staged s : cell.queue()) {
            if (path.equals(s.source())) {
                return PathState.file(FileFacts.versioned(-1, s.version()));
            }
        }
        return path.contains(cell.target()) ? PathState.DIRECTORY : PathState.ABSENT;
    }

    @Override
    public List<String> list(WinPath directory) {
        List<String> names = new ArrayList<>();
        if (directory.equals(cell.target().parent())) {
            if (cell.disk().exists()) {
                names.add(cell.target().fileName());
            }
            cell.queue().forEach(s -> names.add(s.source().fileName()));
        } else if (directory.contains(cell.target()) && !directory.equals(cell.target())) {
            names.add(cell.target().names().get(directory.names().size()));
        }
        return names;
    }
}
