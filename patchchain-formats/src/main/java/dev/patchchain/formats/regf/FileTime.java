package dev.patchchain.formats.regf;

import java.time.Instant;

/** Windows FILETIME: unsigned 100-nanosecond ticks since 1601-01-01 UTC. */
final class FileTime {

    private static final long EPOCH_1601_TO_1970_SECONDS = 11_644_473_600L;
    private static final long TICKS_PER_SECOND = 10_000_000L;

    private FileTime() {
    }

    static Instant toInstant(long fileTime) {
        long seconds = Long.divideUnsigned(fileTime, TICKS_PER_SECOND);
        long ticks = Long.remainderUnsigned(fileTime, TICKS_PER_SECOND);
        return Instant.ofEpochSecond(seconds - EPOCH_1601_TO_1970_SECONDS, ticks * 100);
    }
}
