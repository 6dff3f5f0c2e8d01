package dev.patchchain.cli.pe;

import dev.patchchain.formats.pe.PeVersionInfo;
import java.nio.file.Path;

/**
 * One line of {@code file-version} output: a file and either its version information or why it has none.
 *
 * @param path  the file
 * @param info  its version information, or {@code null} when it could not be read
 * @param error why it could not be read, or {@code null}
 */
record FileVersionRow(Path path, PeVersionInfo info, String error) {

    boolean failed() {
        return info == null;
    }

    String fileVersion() {
        return failed() ? "" : info.fileVersion().map(Object::toString).orElse("(none)");
    }

    String productVersion() {
        return failed() ? "" : info.productVersion().map(Object::toString).orElse("(none)");
    }

    String machine() {
        return failed() ? "" : info.machineName();
    }

    String language() {
        return failed() || info.language() < 0 ? "" : String.format("0x%04x", info.language());
    }

    String stringFileVersion() {
        return string("FileVersion");
    }

    String string(String key) {
        return failed() ? "" : info.string(key).orElse("");
    }
}
