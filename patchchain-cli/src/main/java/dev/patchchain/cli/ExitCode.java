package dev.patchchain.cli;

/**
 * The exit codes every command uses; they are part of the interface (README, "Exit codes").
 */
public enum ExitCode {
    /** Nothing to report. */
    CLEAN(0),
    /** The command ran and found something that needs attention (e.g. a downgrade). */
    FINDINGS(1),
    /** The command line or an input file is wrong. */
    USAGE_OR_INPUT(2),
    /** Reading or writing failed, or an internal error. */
    FAILURE(3);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    /** @return the process exit status */
    public int code() {
        return code;
    }
}
