package dev.patchchain.formats.wim;

import dev.patchchain.formats.FormatException;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * An image applied into a temporary directory by {@link ExternalWimTool}: its regular files by {@code \}-separated
 * path. Symbolic links (what the tool makes of reparse points) are never followed, so nothing outside the directory
 * is read; {@link #close} deletes the directory.
 */
public final class ExtractedImage implements Closeable {

    private final Path root;
    private final long maxBytes;

    ExtractedImage(Path root, long maxBytes) {
        this.root = root;
        this.maxBytes = maxBytes;
    }

    Path root() {
        return root;
    }

    /**
     * @return the paths of its regular files, e.g. {@code amd64_x\ntdll.dll}
     * @throws IOException if the directory cannot be walked
     */
    public List<String> files() throws IOException {
        List<String> out = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile()) {
                    out.add(root.relativize(file).toString().replace('/', '\\'));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return out;
    }

    /**
     * @param path one of {@link #files()}
     * @return its bytes
     * @throws IOException a {@link FormatException} if it is not a regular file of the image or is over the limit
     */
    public byte[] contents(String path) throws IOException {
        Path file = root.resolve(path.replace('\\', '/')).normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                || !file.toRealPath().startsWith(root.toRealPath())) {
            throw new FormatException(FormatException.Kind.CORRUPT, root.toString(), -1, path
                    + " is not a regular file of the applied image");
        }
        long size = Files.size(file);
        if (size > maxBytes) {
            throw new FormatException(FormatException.Kind.UNSUPPORTED, path, -1, size + " bytes, over the limit of "
                    + maxBytes);
        }
        return Files.readAllBytes(file);
    }

    @Override
    public void close() throws IOException {
        Path dir = root.getParent();
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
