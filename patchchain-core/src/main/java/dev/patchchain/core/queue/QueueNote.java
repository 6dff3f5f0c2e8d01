package dev.patchchain.core.queue;

import java.util.Objects;

/**
 * Something about the layout of a queue value that is not an operation but matters: strings the boot-time walk
 * never reaches, a missing terminator, extra empty strings.
 *
 * @param value       which registry value
 * @param stringIndex the index of the first string concerned
 * @param kind        what was noticed
 * @param message     a sentence for the report
 */
public record QueueNote(QueueValueName value, int stringIndex, Kind kind, String message) {

    /** Requires every component. */
    public QueueNote {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    /** What was noticed. */
    public enum Kind {
        /** More empty strings than the one list terminator at the end: harmless padding. */
        TRAILING_EMPTY_STRINGS,
        /** The data does not end with the empty string that terminates the list (or a string lacks its NUL). */
        MISSING_TERMINATOR,
        /** The data has an odd number of bytes: the last byte is not part of any UTF-16 character. */
        ODD_BYTE_LENGTH,
        /** Non-empty strings follow an empty source string: the boot-time walk stops before them. */
        UNREACHABLE_STRINGS
    }
}
