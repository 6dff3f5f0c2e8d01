package dev.patchchain.formats.regf;

import java.io.IOException;

/**
 * A hive write refused before anything was written: a dirty hive without an explicit recovery, stale transaction
 * logs, a missing key, a value too large. The message says what and how to proceed, e.g. {@code SYSTEM: dirty hive
 * (primary sequence 7 != secondary 6): replay its logs first (recoverFromLogs)}.
 */
public class RefusedWriteException extends IOException {

    private static final long serialVersionUID = 1L;

    /** @param message what was refused and why */
    public RefusedWriteException(String message) {
        super(message);
    }
}
