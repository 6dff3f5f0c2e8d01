package dev.patchchain.cli.queue;

import dev.patchchain.core.path.PathContext;
import dev.patchchain.formats.regf.ControlSetQueue;
import dev.patchchain.formats.regf.RegfHive;
import dev.patchchain.formats.regf.RegfOptions;
import dev.patchchain.formats.regf.SystemHiveQueue;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The current control set's queue read from an offline SYSTEM hive, and what the reader warned about (a dirty
 * hive without its logs, structures skipped in lenient mode).
 *
 * @param queue    the queue and how it was read
 * @param warnings the hive reader's warnings
 */
record HiveQueue(ControlSetQueue queue, List<String> warnings) {

    static HiveQueue current(Path hive, boolean lenient, PathContext context) throws IOException {
        try (RegfHive system = RegfHive.open(hive, lenient ? RegfOptions.LENIENT : RegfOptions.STRICT)) {
            ControlSetQueue read = SystemHiveQueue.current(system, context);
            List<String> warnings = system.warnings();
            // the reader's own warning about a dirty hive says more than the queue view's note: keep one of them
            List<String> notes = warnings.isEmpty() ? read.notes()
                    : read.notes().stream().filter(n -> !n.startsWith("DIRTY hive")).toList();
            return new HiveQueue(new ControlSetQueue(read.controlSet(), read.queue(), notes), warnings);
        }
    }
}
