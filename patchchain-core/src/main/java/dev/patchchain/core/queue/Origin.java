package dev.patchchain.core.queue;

import java.util.Objects;

/**
 * Where an operation came from: which registry value, and the index of its first string in that value
 * ({@code -1} for an operation that the chainer wrote); or, for an operation read from a file that runs in the same
 * boot phase (servicing's {@code WinSxS\pending.xml}), that file and the operation's index in it.
 *
 * @param value       the registry value; for an operation from a file, the value it runs after
 * @param stringIndex index of the operation's first string within the value (or of the operation in the file), or -1
 * @param file        the file the operation came from, or {@code null} for a registry value
 */
public record Origin(QueueValueName value, int stringIndex, String file) {

    /** Requires a value. */
    public Origin {
        Objects.requireNonNull(value, "value");
    }

    /**
     * An operation of a registry value.
     *
     * @param value       the registry value
     * @param stringIndex index of the operation's first string within the value, or -1
     */
    public Origin(QueueValueName value, int stringIndex) {
        this(value, stringIndex, null);
    }

    /**
     * An operation read from a file that runs after both registry values, in the same boot phase.
     *
     * @param file  the file's name, e.g. {@code WinSxS\pending.xml}
     * @param index the operation's index in the file
     * @return the origin
     */
    public static Origin inFile(String file, int index) {
        return new Origin(QueueValueName.PENDING_FILE_RENAME_OPERATIONS_2, index, Objects.requireNonNull(file, "file"));
    }

    /** @return true if the operation comes from a file, not from a registry value (it is never written back) */
    public boolean fromFile() {
        return file != null;
    }

    @Override
    public String toString() {
        if (file != null) {
            return file + "[" + stringIndex + "]";
        }
        return stringIndex < 0 ? value.registryName() + "[new]" : value.registryName() + "[" + stringIndex + "]";
    }
}
