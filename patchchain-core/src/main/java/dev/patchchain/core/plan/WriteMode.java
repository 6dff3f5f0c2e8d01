package dev.patchchain.core.plan;

/**
 * How a package writes a registry value. {@link #APPEND} is an unlocked read-modify-write of the whole value (two
 * steps: read, then write); {@link #SET} writes the package's data over whatever is there (one step). A
 * {@code REG_MULTI_SZ} such as a {@code RunOnce} list that is set instead of appended loses the entries other
 * installers put there since the last boot.
 */
public enum WriteMode {
    /** Overwrite the value. */
    SET,
    /** Read the value, then write it back with the package's strings added at the end. */
    APPEND
}
