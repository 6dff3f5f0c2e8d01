package dev.patchchain.formats;

import java.io.IOException;

/**
 * The checked base of every "this input is not what it should be" error: which input, where in it, and what was
 * expected. Subclasses keep three cases apart, as a reader needs them apart: the input is not this format at all,
 * it is this format but damaged, or it is this format in a variant we do not support.
 *
 * <p>Example: {@code CorruptPeException: foo.dll at 0x1f8: resource directory entry count 60000 exceeds the 120
 * bytes that remain}.
 */
public class FormatException extends IOException {

    private static final long serialVersionUID = 1L;

    /** How an input failed. */
    public enum Kind {
        /** Not this format (wrong magic, wrong header). */
        NOT_THIS_FORMAT,
        /** This format, damaged: a bound, a count, a reference that does not hold. */
        CORRUPT,
        /** This format, in a variant not supported. */
        UNSUPPORTED
    }

    private final Kind kind;
    private final String source;
    private final long offset;

    /**
     * @param kind    how the input failed
     * @param source  the input's name (file name, "stdin", ...)
     * @param offset  byte offset (or line number, for text formats; see the message) where it failed, or -1
     * @param message what was expected and what was found
     */
    public FormatException(Kind kind, String source, long offset, String message) {
        super(format(source, offset, message));
        this.kind = kind;
        this.source = source;
        this.offset = offset;
    }

    /** @return how the input failed */
    public Kind kind() {
        return kind;
    }

    /** @return the input's name */
    public String source() {
        return source;
    }

    /** @return where in the input it failed, or -1 */
    public long offset() {
        return offset;
    }

    private static String format(String source, long offset, String message) {
        return offset < 0 ? source + ": " + message : source + " at 0x" + Long.toHexString(offset) + ": " + message;
    }
}
