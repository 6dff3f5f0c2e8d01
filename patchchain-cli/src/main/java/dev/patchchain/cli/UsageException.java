package dev.patchchain.cli;

/** The command line asks for something impossible (conflicting or missing options): exit code 2. */
public final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong and how to write it instead */
    public UsageException(String message) {
        super(message);
    }
}
