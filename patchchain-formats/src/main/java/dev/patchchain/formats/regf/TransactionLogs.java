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
        List<Path> found = new ArrayList<>();
        for (String suffix : SUFFIXES) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                for (Path p : entries) {
                    if (String.valueOf(p.getFileName()).equalsIgnoreCase(name + suffix) && Files.isRegularFile(p)) {
                        found.add(p);
                        break;
                    }
                }
            }
        }
        return found;
    }
}
