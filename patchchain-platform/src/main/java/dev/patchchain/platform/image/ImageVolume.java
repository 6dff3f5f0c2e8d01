package dev.patchchain.platform.image;

import dev.patchchain.core.path.WinPath;
import dev.patchchain.core.volume.FileFacts;
import dev.patchchain.core.volume.PathState;
import dev.patchchain.core.volume.VolumeState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A mounted Windows volume (or any directory standing for one drive) as a {@link VolumeState}: {@code C:\...}
 * maps into the directory case-insensitively, as NTFS compares names.
 *
 * <p>Nothing outside the root is ever read: a symbolic link whose target leaves the root, another drive letter and
 * a UNC path are reported through {@link #warnings()} and seen as {@link PathState#UNKNOWN} (another drive) or
 * {@link PathState#ABSENT} (an escaping link), never followed. File versions are read lazily, once per file.
 *
 * <pre>{@code
 * ImageVolume image = ImageVolume.open(Path.of("/mnt/win"), 'C', new PeFileInspector());
 * image.stat(WinPath.parse("C:\\Windows\\System32\\kernel32.dll"));   // File(version 10.0.19041.1)
 * }</pre>
 */
public final class ImageVolume implements VolumeState {

    private final Path root;
    private final Path realRoot;
    private final char drive;
    private final FileInspector inspector;
    private final Map<Path, Map<String, String>> listings = new ConcurrentHashMap<>();
    private final Map<Path, FileFacts> facts = new ConcurrentHashMap<>();
    private final Set<String> warnings = Collections.synchronizedSet(new LinkedHashSet<>());

    private ImageVolume(Path root, Path realRoot, char drive, FileInspector inspector) {
        this.root = root;
        this.realRoot = realRoot;
        this.drive = Character.toUpperCase(drive);
        this.inspector = inspector;
    }

    /**
     * @param root      the directory that stands for the drive's root
     * @param drive     the drive letter the directory stands for, usually {@code C}
     * @param inspector reads file versions
     * @return the volume
     * @throws IOException if the root is not a readable directory
     */
    public static ImageVolume open(Path root, char drive, FileInspector inspector) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new java.nio.file.NotDirectoryException(root + " (the image root must be a directory)");
        }
        Path absolute = root.toAbsolutePath().normalize();
        return new ImageVolume(absolute, absolute.toRealPath(), drive, inspector);
    }

    /** @return the directory standing for the drive root */
    public Path root() {
        return root;
    }

    /** @return the drive letter the image stands for */
    public char drive() {
        return drive;
    }

    @Override
    public PathState stat(WinPath path) {
        if (!onThisDrive(path)) {
            return PathState.UNKNOWN;
        }
        Path file = resolve(path);
        if (file == null) {
            return PathState.ABSENT;
        }
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            return PathState.ABSENT;
        }
        if (attributes.isDirectory()) {
            return PathState.DIRECTORY;
        }
        return PathState.file(facts.computeIfAbsent(file, f -> inspector.inspect(f, attributes.size())));
    }

    @Override
    public List<String> list(WinPath directory) {
        if (!onThisDrive(directory)) {
            return List.of();
        }
        Path dir = resolve(directory);
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (String name : listing(dir).values()) {
            if (resolveChild(dir, name, directory) != null) {
                names.add(name);
            }
        }
        return names;
    }

    /**
     * Maps a Windows path to the real file inside the image, case-insensitively.
     *
     * @param path a path on this image's drive
     * @return the real path, or {@code null} if absent, on another drive, or behind a link that leaves the root
     */
    public Path resolve(WinPath path) {
        if (!onThisDrive(path)) {
            return null;
        }
        Path current = root;
        for (String name : path.names()) {
            current = resolveChild(current, name, path);
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    /** @return what was refused while reading: other drives, UNC paths, links leaving the root */
    public List<String> warnings() {
        synchronized (warnings) {
            return List.copyOf(warnings);
        }
    }

    private boolean onThisDrive(WinPath path) {
        if (path.isUnc()) {
            warnings.add("UNC path " + path + " is outside the image and was not followed");
            return false;
        }
        if (path.driveLetter() != drive) {
            warnings.add("path " + path + " is on drive " + path.driveLetter() + ": but the image stands for drive "
                    + drive + ":; it was not followed");
            return false;
        }
        return true;
    }

    private Path resolveChild(Path dir, String name, WinPath forWarning) {
        Path exact;
        try {
            exact = dir.resolve(name);
        } catch (InvalidPathException e) {
            // a name Windows' own path parser refuses (a stream "a.dll:s", a trailing space): live on C:\ only
            warnings.add("path " + forWarning + ": the name " + name + " cannot be opened here (" + e.getReason()
                    + "); it was seen as absent");
            return null;
        }
        Path child = Files.exists(exact, LinkOption.NOFOLLOW_LINKS) ? exact : null;
        if (child == null) {
            String actual = listing(dir).get(WinPath.upcase(name));
            if (actual == null) {
                return null;
            }
            child = dir.resolve(actual);
        }
        if (Files.isSymbolicLink(child)) {
            try {
                Path target = child.toRealPath();
                if (!target.startsWith(realRoot)) {
                    warnings.add("link " + child + " (for " + forWarning + ") points outside the image to " + target
                            + "; it was not followed");
                    return null;
                }
            } catch (IOException e) {
                return null;
            }
        }
        return child;
    }

    private Map<String, String> listing(Path dir) {
        return listings.computeIfAbsent(dir, d -> {
            Map<String, String> names = new TreeMap<>();
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(d)) {
                for (Path p : stream) {
                    String name = p.getFileName().toString();
                    names.putIfAbsent(WinPath.upcase(name), name);
                }
            } catch (java.nio.file.NotDirectoryException | java.nio.file.NoSuchFileException e) {
                return Map.of();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + d, e);
            }
            return names;
        });
    }
}
