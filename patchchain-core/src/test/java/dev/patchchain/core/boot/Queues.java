package dev.patchchain.core.boot;

import dev.patchchain.core.path.PathContext;
import dev.patchchain.core.queue.PendingQueue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Builds queues for tests from the strings as they are stored. */
public final class Queues {

    private Queues() {
    }

    /**
     * @param strings the strings of PendingFileRenameOperations (source, destination, ...), without the terminator
     * @return the decoded queue
     */
    public static PendingQueue of(String... strings) {
        return PendingQueue.decode(bytes(Arrays.asList(strings)), null, PathContext.DEFAULT);
    }

    /**
     * @param first  strings of the first value
     * @param second strings of the second value
     * @return the decoded queue
     */
    public static PendingQueue of(List<String> first, List<String> second) {
        return PendingQueue.decode(bytes(first), bytes(second), PathContext.DEFAULT);
    }

    static byte[] bytes(List<String> strings) {
        List<String> all = new ArrayList<>(strings);
        all.add("");
        return (String.join("\0", all) + "\0").getBytes(StandardCharsets.UTF_16LE);
    }
}
