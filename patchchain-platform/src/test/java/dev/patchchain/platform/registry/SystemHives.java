package dev.patchchain.platform.registry;

import dev.patchchain.core.queue.MultiSz;
import dev.patchchain.core.registry.QueueValues;
import dev.patchchain.testing.regf.RegfBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** SYSTEM hives for the registry tests: control set 1 current, a Session Manager key holding the given values. */
final class SystemHives {

    static final String SESSION_MANAGER = "ControlSet001\\Control\\Session Manager";

    private SystemHives() {
    }

    static Path write(Path file, QueueValues values) throws IOException {
        RegfBuilder builder = new RegfBuilder()
                .value("Select", "Current", 4, new byte[] {1, 0, 0, 0})
                .value(SESSION_MANAGER, "ObjectDirectories", 7, MultiSz.of(List.of("\\Windows")).encode());
        if (values.first() != null) {
            builder.value(SESSION_MANAGER, "PendingFileRenameOperations", 7, values.first());
        }
        if (values.second() != null) {
            builder.value(SESSION_MANAGER, "PendingFileRenameOperations2", 7, values.second());
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.write(file, builder.build());
    }
}
