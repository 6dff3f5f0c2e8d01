package dev.patchchain.formats.regf;

import dev.patchchain.formats.FormatException;
import java.util.ArrayList;
import java.util.List;

/**
 * Where strict and lenient reading part: a damaged structure is an error in strict mode, and in lenient mode a
 * warning the caller can read, after which the damaged structure is skipped.
 */
final class Leniency {

    private final boolean lenient;
    private final List<String> warnings = new ArrayList<>();

    Leniency(boolean lenient) {
        this.lenient = lenient;
    }

    boolean lenient() {
        return lenient;
    }

    /**
     * @param damage what is wrong
     * @throws FormatException {@code damage} itself, unless lenient
     */
    void tolerate(FormatException damage) throws FormatException {
        if (!lenient) {
            throw damage;
        }
        warnings.add(damage.getMessage());
    }

    /** @param message a warning that holds in both modes (dirty hive read without its logs, ...) */
    void warn(String message) {
        warnings.add(message);
    }

    List<String> warnings() {
        return List.copyOf(warnings);
    }
}
