package dev.patchchain.fleet.store;

import java.io.IOException;

/** The database failed (cannot connect, migrate, read or write); the message names the store and the cause. */
public final class StoreException extends IOException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, with the store
     * @param cause   the driver's exception
     */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
