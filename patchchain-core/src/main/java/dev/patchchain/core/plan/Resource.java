package dev.patchchain.core.plan;

import dev.patchchain.core.path.WinPath;
import java.util.Locale;

/** What a step reads or writes: one target file (with its queue entries) or one registry value. */
sealed interface Resource {

    /** A target file: what is on disk and the queue entries that rename a staged file onto it. */
    record FileTarget(WinPath path) implements Resource {
    }

    /** A registry value, compared without regard to case. */
    record Value(String canonical) implements Resource {
        static Value of(RegistryWrite write) {
            return new Value((write.key() + "\\" + write.valueName()).toUpperCase(Locale.ROOT));
        }
    }
}
