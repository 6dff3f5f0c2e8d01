package dev.patchchain.formats.regf;

import dev.patchchain.formats.FormatException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Replays new-format logs (Windows 8.1 and later): every log entry whose hashes hold, from every log, is pooled;
 * starting at the hive's secondary sequence number, entries are applied in sequence order while the numbers
 * follow on (so LOG1 and LOG2 apply in whichever order their numbers say). See
 * {@code docs/formats/regf.md#log-replay}.
 */
final class NewLogReplay {

    private NewLogReplay() {
    }

    private record Sourced(TransactionLog log, LogEntry entry) {
    }

    static LogRecovery replay(ByteBuffer primary, BaseBlock base, List<TransactionLog> logs, List<String> warnings)
            throws FormatException {
        byte[] baseBytes = new byte[BaseBlock.SIZE];
        BaseBlock start = base;
        if (base.checksumValid()) {
            primary.get(0, baseBytes, 0, Math.min(BaseBlock.SIZE, primary.limit()));
        } else {
            TransactionLog donor = logs.get(0);
            donor.reader().check(0, BaseBlock.LOG_SIZE, "log base block");
            System.arraycopy(donor.reader().bytes(0, BaseBlock.LOG_SIZE, "log base block"), 0, baseBytes, 0,
                    BaseBlock.LOG_SIZE);
            start = donor.base();
            warnings.add("base block recovered from " + donor.path().getFileName());
        }
        long expected = start.secondarySequence() & 0xFFFFFFFFL;
        long budget = primary.limit();
        List<Sourced> pool = new ArrayList<>();
        for (TransactionLog log : logs) {
            budget += log.reader().size();
            for (int at = BaseBlock.LOG_SIZE; at + LogEntry.HEADER_SIZE <= log.reader().size(); ) {
                LogEntry entry;
                try {
                    entry = LogEntry.read(log.reader(), at);
                } catch (FormatException end) {
                    if (log.reader().u32(at, "log entry signature") == LogEntry.SIGNATURE) {
                        warnings.add("log replay of " + log.path().getFileName() + " stops: " + end.getMessage());
                    }
                    break;
                }
                if ((entry.sequence() & 0xFFFFFFFFL) >= expected) {
                    pool.add(new Sourced(log, entry));
                }
                at += log.reader().u32(at + LogEntry.SIZE, "log entry size");
            }
        }
        pool.sort(Comparator.comparingLong(s -> s.entry().sequence() & 0xFFFFFFFFL));
        List<Sourced> chain = new ArrayList<>();
        for (Sourced s : pool) {
            long seq = s.entry().sequence() & 0xFFFFFFFFL;
            long next = chain.isEmpty() ? seq : (chain.get(chain.size() - 1).entry().sequence() & 0xFFFFFFFFL) + 1;
            if (seq < next) {
                continue; // the same entry written to both logs
            }
            if (seq != next || BaseBlock.SIZE + (long) s.entry().hiveBinsSize() > budget) {
                break;
            }
            chain.add(s);
        }
        if (chain.isEmpty()) {
            return LogRecovery.notApplied("no log entry with sequence number " + expected + " or later", warnings);
        }
        long first = chain.get(0).entry().sequence() & 0xFFFFFFFFL;
        if (first != expected) {
            warnings.add("log entries start at sequence " + first + ", not at " + expected
                    + " (a partial reconcile wrote the missing ones to the primary file)");
        }
        long size = BaseBlock.SIZE + (start.hiveBinsSize() & 0xFFFFFFFFL);
        for (Sourced s : chain) {
            size = Math.max(size, BaseBlock.SIZE + (long) s.entry().hiveBinsSize());
        }
        size = Math.min(size, budget);
        byte[] hive = LogReplay.copy(primary, size);
        System.arraycopy(baseBytes, 0, hive, 0, BaseBlock.SIZE);
        Set<Path> used = new LinkedHashSet<>();
        for (Sourced s : chain) {
            LogEntry e = s.entry();
            int from = e.pagesStart();
            for (int i = 0; i < e.pageOffsets().length; i++) {
                byte[] page = s.log().reader().bytes(from, e.pageSizes()[i], "dirty page");
                System.arraycopy(page, 0, hive, BaseBlock.SIZE + e.pageOffsets()[i], page.length);
                from += page.length;
            }
            used.add(s.log().path());
        }
        LogEntry last = chain.get(chain.size() - 1).entry();
        ByteBuffer.wrap(hive).order(ByteOrder.LITTLE_ENDIAN).putInt(BaseBlock.FLAGS, last.flags());
        LogReplay.seal(hive, last.sequence(), last.hiveBinsSize());
        return new LogRecovery(hive, new ArrayList<>(used), last.sequence() & 0xFFFFFFFFL, null, warnings);
    }
}
