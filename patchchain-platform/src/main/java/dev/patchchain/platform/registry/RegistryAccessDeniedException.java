package dev.patchchain.platform.registry;

import java.io.IOException;

/**
 * The running Windows refused to open a registry key for reading ({@code ERROR_ACCESS_DENIED}): the key is named,
 * and so is the remedy. {@link WindowsRegistryView} throws it wrapped in an {@link java.io.UncheckedIOException},
 * as the core's {@code RegistryView} cannot throw checked exceptions.
 *
 * <pre>{@code
 * catch (UncheckedIOException e) { if (e.getCause() instanceof RegistryAccessDeniedException d) d.key(); }
 * }</pre>
 */
public final class RegistryAccessDeniedException extends IOException {

    private static final long serialVersionUID = 1L;

    /** The key refused, e.g. {@code HKLM\SOFTWARE\Microsoft\...}. */
    private final String key;

    /** @param key the key refused, with its root */
    public RegistryAccessDeniedException(String key) {
        super(key + ": access denied while reading the registry; run patchchain from an elevated prompt (Run as "
                + "administrator), or as an account that may read this key");
        this.key = key;
    }

    /** @return the key refused, with its root */
    public String key() {
        return key;
    }
}
