package dev.patchchain.platform.registry;

import java.io.IOException;

/**
 * The live registry cannot be written without administrator rights (an elevated process); nothing was written.
 *
 * <pre>{@code
 * throw new NotAdministratorException("run patchchain from an elevated prompt (Run as administrator)");
 * }</pre>
 */
public final class NotAdministratorException extends IOException {

    private static final long serialVersionUID = 1L;

    /** @param message what was refused and how to get the rights */
    public NotAdministratorException(String message) {
        super(message);
    }
}
