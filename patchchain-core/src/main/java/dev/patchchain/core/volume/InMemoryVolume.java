package dev.patchchain.core.volume;

import dev.patchchain.core.path.WinPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A mutable in-memory file system of {@link WinPath}s: the fake that the boot simulator's tests, the demo and the
 * property tests run on. Adding a file creates its parent directories, as a volume always has them.
 *
 * <pre>{@code
 * InMemoryVolume volume = new InMemoryVolume()
 *     .putFile(WinPath.parse("C:\\Windows\\System32\\foo.dll"), FileFacts.versioned(4096, FileVersion.parse("0.1")));
 * volume.stat(WinPath.parse("c:\\windows"));   // DIRECTORY
 * }</pre>
 */
public final class InMemoryVolume implements VolumeState {

    private final Map<WinPath, PathState> nodes = new HashMap<>();
    private final Map<WinPath, Map<String, String>> children = new HashMap<>();

    @Override
    public PathState stat(WinPath path) {
        if (path.isRoot()) {
            return PathState.DIRECTORY;
        }
        return nodes.getOrDefault(path, PathState.ABSENT);
    }

    @Override
    public List<String> list(WinPath directory) {
        Map<String, String> names = children.get(directory);
        return names == null ? List.of() : new ArrayList<>(names.values());
    }

    /**
     * Puts a file, replacing whatever file was there and creating missing parent directories.
     *
     * @param path  where
     * @param facts what the file is
     * @return this volume
     * @throws IllegalStateException if a parent is a file or the path is a directory
     */
    public InMemoryVolume putFile(WinPath path, FileFacts facts) {
        if (stat(path) instanceof PathState.Directory) {
            throw new IllegalStateException("a directory is already at " + path);
        }
        ensureDirectory(path.parent());
        link(path, PathState.file(facts));
        return this;
    }

    /**
     * Creates a directory and its missing parents.
     *
     * @param path where
     * @return this volume
     * @throws IllegalStateException if a file is in the way
     */
    public InMemoryVolume putDirectory(WinPath path) {
        ensureDirectory(path);
        return this;
    }

    /**
     * Removes a file or an empty directory; does nothing if the path is absent.
     *
     * @param path what to remove
     * @return this volume
     * @throws IllegalStateException if the path is a directory that is not empty
     */
    public InMemoryVolume remove(WinPath path) {
        if (!list(path).isEmpty()) {
            throw new IllegalStateException("directory is not empty: " + path);
        }
        if (nodes.remove(path) != null) {
            children.remove(path);
            Map<String, String> siblings = children.get(path.parent());
            if (siblings != null) {
                siblings.remove(WinPath.upcase(path.fileName()));
            }
        }
        return this;
    }

    /** @return every file and directory, sorted by canonical path */
    public Map<WinPath, PathState> snapshot() {
        return new TreeMap<>(nodes);
    }

    /**
     * Copies any volume's tree below the given roots into a new in-memory volume.
     *
     * @param source a volume
     * @param roots  where to start, e.g. {@code C:\}
     * @return the copy
     */
    public static InMemoryVolume copyOf(VolumeState source, List<WinPath> roots) {
        InMemoryVolume copy = new InMemoryVolume();
        for (WinPath root : roots) {
            copyTree(source, root, copy);
        }
        return copy;
    }

    private static void copyTree(VolumeState source, WinPath path, InMemoryVolume copy) {
        PathState state = source.stat(path);
        if (state instanceof PathState.File file) {
            copy.putFile(path, file.facts());
        } else if (state instanceof PathState.Directory) {
            if (!path.isRoot()) {
                copy.putDirectory(path);
            }
            for (String name : source.list(path)) {
                copyTree(source, path.resolve(name), copy);
            }
        }
    }

    private void ensureDirectory(WinPath path) {
        if (path == null || path.isRoot()) {
            return;
        }
        PathState existing = stat(path);
        if (existing instanceof PathState.Directory) {
            return;
        }
        if (existing instanceof PathState.File) {
            throw new IllegalStateException("a file is in the way of directory " + path);
        }
        ensureDirectory(path.parent());
        link(path, PathState.DIRECTORY);
    }

    private void link(WinPath path, PathState state) {
        nodes.put(path, state);
        children.computeIfAbsent(path.parent(), k -> new TreeMap<>()).put(WinPath.upcase(path.fileName()), path.fileName());
    }
}
