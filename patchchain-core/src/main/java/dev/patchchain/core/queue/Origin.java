package dev.patchchain.core.queue;

import java.util.Objects;

/**
 * Where an operation came from: which registry value, and the index of its first string in that value
 * ({@code -1} for an operation that the chainer wrote).
 *
 * @param value       the registry value
 * @param stringIndex index of the operation's first string within the value, or -1
 */
public record Origin(QueueValueName value, int stringIndex) {

    /** Requires a value. */
    public Origin {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return stringIndex < 0 ? value.registryName() + "[new]" : value.registryName() + "[" + stringIndex + "]";
    }
}
