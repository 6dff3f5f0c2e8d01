package dev.patchchain.formats.regf;

import dev.patchchain.formats.io.LeReader;
import java.nio.file.Path;

/**
 * A transaction log file whose base block (first sector) passed its checks.
 *
 * @param path   the file
 * @param reader its bytes
 * @param base   its base block: file type 1 (old format) or 6 (new format)
 */
record TransactionLog(Path path, LeReader reader, BaseBlock base) {

    boolean newFormat() {
        return base.fileType() == BaseBlock.TYPE_LOG_NEW;
    }
}
