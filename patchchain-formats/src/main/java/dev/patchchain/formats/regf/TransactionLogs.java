package dev.patchchain.formats.regf;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Finds the transaction logs of a hive: {@code NAME.LOG1}, {@code NAME.LOG2}, {@code NAME.LOG}, in any case. */
final class TransactionLogs {

    static final List<String> SUFFIXES = List.of(".LOG1", ".LOG2", ".LOG");

    private TransactionLogs() {
    }

    /**
     * @param hive the primary file
     * @return its logs that exist, in the order LOG1, LOG2, LOG
     * @throws IOException if the directory cannot be listed
     */
    static List<Path> beside(Path hive) throws IOException {
        Path dir = hive.toAbsolutePath().getParent();
        String name = String.valueOf(hive.getFileName());
        Path[] found = new Path[SUFFIXES.size()];
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                for (int i = 0; i < found.length; i++) {
                    if (found[i] == null && String.valueOf(p.getFileName()).equalsIgnoreCase(name + SUFFIXES.get(i))
                            && Files.isRegularFile(p)) {
                        found[i] = p;
                    }
                }
            }
        }
        List<Path> logs = new ArrayList<>();
        for (Path p : found) {
            if (p != null) {
                logs.add(p);
            }
        }
        return logs;
    }
}
