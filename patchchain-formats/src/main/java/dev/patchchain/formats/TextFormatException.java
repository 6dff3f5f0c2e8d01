package dev.patchchain.formats;

/**
 * A {@link FormatException} in a line-oriented text input ({@code .reg}, {@code reg query} output, JSON): it
 * carries the 1-based line and column instead of a byte offset, so {@link #offset()} is -1 and the message reads
 * {@code "session.reg: line 12, column 5: expected '=' after the value name"}.
 */
public class TextFormatException extends FormatException {

    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;

    /**
     * @param kind    how the input failed
     * @param source  the input's name
     * @param line    1-based line, or 0 if the failure concerns the whole input
     * @param column  1-based column, or 0 if not useful
     * @param message what was expected and what was found
     */
    public TextFormatException(Kind kind, String source, int line, int column, String message) {
        super(kind, source, -1, where(line, column) + message);
        this.line = line;
        this.column = column;
    }

    /** @return the 1-based line, or 0 for the whole input */
    public int line() {
        return line;
    }

    /** @return the 1-based column, or 0 */
    public int column() {
        return column;
    }

    private static String where(int line, int column) {
        if (line <= 0) {
            return "";
        }
        return column > 0 ? "line " + line + ", column " + column + ": " : "line " + line + ": ";
    }
}
