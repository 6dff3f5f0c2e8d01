package dev.patchchain.testing.wine;

import dev.patchchain.core.path.WinPath;
import dev.patchchain.core.version.FileVersion;
import dev.patchchain.core.volume.FileFacts;
import dev.patchchain.core.volume.InMemoryVolume;
import dev.patchchain.core.volume.PathState;
import dev.patchchain.core.volume.VolumeState;
import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.pe.PeVersionReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The files of a Wine drive as a volume, and any volume's subtree as a comparable listing. Reading a file reads
 * its PE version with {@link PeVersionReader}; a file that is not a PE is kept, unversioned.
 *
 * <pre>{@code
 * InMemoryVolume before = DriveTree.read(prefix.driveC(), WinPath.parse("C:\\s"));
 * DriveTree.listing(before, WinPath.parse("C:\\s\\17"));   // {C:\S\17\SYS=dir, C:\S\17\SYS\T0.DLL=file 0.3.0.0}
 * }</pre>
 */
public final class DriveTree {

    private static final int MAX_DEPTH = 16;

    private DriveTree() {
    }

    /**
     * @param driveC the host directory that is {@code C:\}
     * @param root   the directory to read, on drive C
     * @return a volume holding that directory's subtree (and its parents)
     * @throws IOException if a file cannot be read
     */
    public static InMemoryVolume read(Path driveC, WinPath root) throws IOException {
        Path host = driveC;
        for (String name : root.names()) {
            host = host.resolve(name);
        }
        InMemoryVolume volume = new InMemoryVolume();
        if (Files.isDirectory(host)) {
            volume.putDirectory(root);
            copy(host, root, volume, 0);
        }
        return volume;
    }

    /**
     * @param volume any volume
     * @param root   a directory of it
     * @return every path below {@code root}, by canonical path: {@code "dir"}, {@code "file <version>"} or
     *         {@code "file unversioned"}
     */
    public static SortedMap<String, String> listing(VolumeState volume, WinPath root) {
        SortedMap<String, String> entries = new TreeMap<>();
        list(volume, root, entries, 0);
        return entries;
    }

    private static void copy(Path host, WinPath path, InMemoryVolume volume, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new IOException("directories nested deeper than " + MAX_DEPTH + " at " + host);
        }
        List<Path> children;
        try (Stream<Path> listing = Files.list(host)) {
            children = listing.sorted().toList();
        }
        for (Path child : children) {
            WinPath name = path.resolve(child.getFileName().toString());
            if (Files.isDirectory(child)) {
                volume.putDirectory(name);
                copy(child, name, volume, depth + 1);
            } else {
                volume.putFile(name, facts(child));
            }
        }
    }

    private static FileFacts facts(Path file) throws IOException {
        long size = Files.size(file);
        try {
            return PeVersionReader.read(file).fileVersion()
                    .map(v -> FileFacts.versioned(size, v))
                    .orElseGet(() -> FileFacts.unversioned(size, "no version resource"));
        } catch (FormatException e) {
            return FileFacts.unversioned(size, "not a PE: " + e.getMessage());
        }
    }

    private static void list(VolumeState volume, WinPath directory, SortedMap<String, String> entries, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalStateException("directories nested deeper than " + MAX_DEPTH + " at " + directory);
        }
        for (String name : volume.list(directory)) {
            WinPath path = directory.resolve(name);
            PathState state = volume.stat(path);
            if (state instanceof PathState.File file) {
                entries.put(path.canonical(), "file " + file.facts().version().map(FileVersion::toString).orElse("unversioned"));
            } else if (state instanceof PathState.Directory) {
                entries.put(path.canonical(), "dir");
                list(volume, path, entries, depth + 1);
            }
        }
    }
}
