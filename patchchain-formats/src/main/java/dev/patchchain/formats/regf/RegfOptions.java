package dev.patchchain.formats.regf;

/**
 * How to open a hive.
 *
 * <pre>{@code
 * RegfHive.open(path, RegfOptions.STRICT);                // fail on the first damaged structure
 * RegfHive.open(path, RegfOptions.LENIENT);               // skip damaged structures, list them in warnings()
 * RegfHive.open(path, RegfOptions.STRICT.withoutLogs());  // read a dirty hive as it is on disk
 * }</pre>
 *
 * @param lenient skip damaged structures (each becomes a warning) instead of failing
 * @param useLogs replay the transaction logs found beside a dirty hive
 */
public record RegfOptions(boolean lenient, boolean useLogs) {

    /** Strict, replaying logs: the default. */
    public static final RegfOptions STRICT = new RegfOptions(false, true);
    /** Lenient, replaying logs. */
    public static final RegfOptions LENIENT = new RegfOptions(true, true);

    /** @return these options, but never reading transaction logs */
    public RegfOptions withoutLogs() {
        return new RegfOptions(lenient, false);
    }
}
