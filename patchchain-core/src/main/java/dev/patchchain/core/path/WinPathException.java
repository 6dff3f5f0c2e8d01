package dev.patchchain.core.path;

/**
 * A string that {@link WinPath#parse} refuses, with the reason and, where it helps, the accepted spelling.
 *
 * <p>Example message: {@code drive-relative path "C:foo" depends on the current directory of drive C: (write "C:\foo")}.
 */
public final class WinPathException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String input;
    private final String reason;

    WinPathException(String input, String reason) {
        super(reason + ": \"" + input + "\"");
        this.input = input;
        this.reason = reason;
    }

    /** @return the rejected input, verbatim */
    public String input() {
        return input;
    }

    /** @return why it was rejected, without the input */
    public String reason() {
        return reason;
    }
}
