package dev.patchchain.bench;

import dev.patchchain.core.path.PathContext;
import dev.patchchain.core.path.WinPath;
import dev.patchchain.core.queue.MultiSz;
import dev.patchchain.core.queue.PendingQueue;
import dev.patchchain.core.version.FileVersion;
import dev.patchchain.core.volume.FileFacts;
import dev.patchchain.core.volume.InMemoryVolume;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A large queue shaped like a patch day without reboots: every target file is updated by four fixes in a row,
 * each staging its copy under a temp directory and queuing a replace, in random version order (so about half of
 * the targets end on a downgrade), plus a delete of each staging directory at the end.
 *
 * @param volume the volume before boot: existing targets and every staged file
 * @param queue  the decoded queue
 */
public record QueueWorkload(InMemoryVolume volume, PendingQueue queue) {

    /** How many fixes queue each target. */
    private static final int UPDATES_PER_TARGET = 4;

    /**
     * @param entries how many rename entries (rounded down to a multiple of four)
     * @param seed    the seed of the version order
     * @return the workload
     */
    public static QueueWorkload generate(int entries, long seed) {
        Random random = new Random(seed);
        InMemoryVolume volume = new InMemoryVolume();
        volume.putDirectory(WinPath.parse("C:\\Windows\\System32"));
        volume.putDirectory(WinPath.parse("C:\\Windows\\Temp"));
        List<String> strings = new ArrayList<>();
        int targets = entries / UPDATES_PER_TARGET;
        for (int fix = 0; fix < UPDATES_PER_TARGET; fix++) {
            volume.putDirectory(WinPath.parse("C:\\Windows\\Temp\\fix" + fix));
        }
        for (int t = 0; t < targets; t++) {
            WinPath target = WinPath.parse("C:\\Windows\\System32\\lib" + t + ".dll");
            volume.putFile(target, FileFacts.versioned(4096, new FileVersion(10, 0, 1, 0)));
            for (int fix = 0; fix < UPDATES_PER_TARGET; fix++) {
                WinPath staged = WinPath.parse("C:\\Windows\\Temp\\fix" + fix + "\\lib" + t + ".dll");
                volume.putFile(staged, FileFacts.versioned(4096, new FileVersion(10, 0, 2 + random.nextInt(1000), 0)));
                strings.add(staged.toNtString());
                strings.add("!" + target.toNtString());
            }
        }
        for (int fix = 0; fix < UPDATES_PER_TARGET; fix++) {
            strings.add("\\??\\C:\\Windows\\Temp\\fix" + fix);
            strings.add("");
        }
        byte[] data = MultiSz.of(strings).encode();
        return new QueueWorkload(volume, PendingQueue.decode(data, null, PathContext.DEFAULT));
    }
}
