package dev.patchchain.cli.demo;

import dev.patchchain.core.path.PathContext;
import dev.patchchain.core.queue.MultiSz;
import dev.patchchain.core.queue.PendingQueue;
import dev.patchchain.core.version.FileVersion;
import dev.patchchain.formats.pe.PeBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo's small Windows image: real PE files generated with chosen versions, laid out as two fixes installed
 * without a reboot in between would leave them. On disk {@code file_a.dll} is 0.1; fix #1 (KB0000001) staged 0.3
 * and queued it; fix #2 (KB0000002) saw 0.1 on disk, staged 0.2 and queued it after, plus a new {@code file_b.dll}.
 * At the next boot the older 0.2 would win.
 */
final class DemoImage {

    static final String FILE_A = "C:\\Windows\\System32\\file_a.dll";
    static final String FILE_B = "C:\\Windows\\System32\\file_b.dll";

    private DemoImage() {
    }

    /**
     * Writes the image under {@code root} (as drive C:).
     *
     * @param root an empty directory
     * @return the queue the two fixes left behind
     * @throws IOException if writing fails
     */
    static PendingQueue create(Path root) throws IOException {
        writePe(root, FILE_A, new FileVersion(0, 1, 0, 0), "file_a.dll");
        List<String> strings = new ArrayList<>();
        stage(root, strings, "KB0000001", "file_a.dll", new FileVersion(0, 3, 0, 0), FILE_A);
        stage(root, strings, "KB0000002", "file_a.dll", new FileVersion(0, 2, 0, 0), FILE_A);
        stage(root, strings, "KB0000002", "file_b.dll", new FileVersion(0, 2, 0, 0), FILE_B);
        return PendingQueue.decode(MultiSz.of(strings).encode(), null, PathContext.DEFAULT);
    }

    private static void stage(Path root, List<String> strings, String fix, String name, FileVersion version, String target)
            throws IOException {
        String staged = "C:\\Windows\\Temp\\" + fix + "\\" + name;
        writePe(root, staged, version, name);
        strings.add("\\??\\" + staged);
        strings.add("!\\??\\" + target);
    }

    private static void writePe(Path root, String windowsPath, FileVersion version, String name) throws IOException {
        Path file = root;
        for (String part : windowsPath.substring(3).split("\\\\")) {
            file = file.resolve(part);
        }
        Files.createDirectories(file.getParent());
        byte[] pe = PeBuilder.dll().fileVersion(version).productVersion(version)
                .string("CompanyName", "patchchain demo").string("FileDescription", "demo library " + name)
                .string("FileVersion", version.toString()).string("OriginalFilename", name).build();
        Files.write(file, pe);
    }
}
