package dev.patchchain.testing.queue;

import dev.patchchain.core.path.PathContext;
import dev.patchchain.core.path.WinPath;
import dev.patchchain.core.queue.PendingQueue;
import dev.patchchain.core.version.FileVersion;
import dev.patchchain.core.volume.FileFacts;
import dev.patchchain.core.volume.InMemoryVolume;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A random volume and a random queue over it, shaped like real ones: installers stage files under temp
 * directories and rename them over shared targets, with and without {@code !}; some sources are missing, some
 * targets exist, some entries delete files or directories, move targets on, carry {@code *1} markers or sit in the
 * second value. Small version and path pools make collisions (the interesting cases) frequent.
 *
 * @param volume the volume before boot
 * @param queue  the queue
 * @param first  the strings of the first value (without terminator), for replaying a failure
 * @param second the strings of the second value, or empty
 */
public record RandomScenario(InMemoryVolume volume, PendingQueue queue, List<String> first, List<String> second) {

    private static final String[] TARGET_DIRS = {"C:\\Windows\\System32", "C:\\Program Files\\App", "C:\\Windows\\System32\\drivers"};
    private static final String[] STAGE_DIRS = {"C:\\Windows\\Temp", "C:\\stage", "C:\\Config.Msi"};

    /**
     * @param random     the seeded source of randomness
     * @param operations how many operations (at least 1)
     * @return a scenario
     */
    public static RandomScenario generate(Random random, int operations) {
        InMemoryVolume volume = new InMemoryVolume();
        List<WinPath> targets = new ArrayList<>();
        for (int i = 0; i < 2 + random.nextInt(5); i++) {
            targets.add(WinPath.parse(TARGET_DIRS[random.nextInt(TARGET_DIRS.length)] + "\\file" + i + ".dll"));
        }
        for (String dir : TARGET_DIRS) {
            volume.putDirectory(WinPath.parse(dir));
        }
        for (String dir : STAGE_DIRS) {
            volume.putDirectory(WinPath.parse(dir));
        }
        for (WinPath target : targets) {
            if (random.nextInt(3) > 0) {
                volume.putFile(target, facts(random));
            }
        }
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        List<WinPath> staged = new ArrayList<>();
        for (int i = 0; i < operations; i++) {
            List<String> into = random.nextInt(10) == 0 ? second : first;
            into.addAll(operation(random, volume, targets, staged, i));
        }
        PendingQueue queue = PendingQueue.decode(bytes(first), second.isEmpty() ? null : bytes(second), PathContext.DEFAULT);
        return new RandomScenario(volume, queue, first, second);
    }

    private static List<String> operation(Random random, InMemoryVolume volume, List<WinPath> targets,
                                          List<WinPath> staged, int i) {
        WinPath target = targets.get(random.nextInt(targets.size()));
        int kind = random.nextInt(100);
        String marker = random.nextInt(15) == 0 ? "*1" : "";
        if (kind < 70) {
            WinPath source = WinPath.parse(STAGE_DIRS[random.nextInt(STAGE_DIRS.length)] + "\\SET" + Integer.toHexString(i) + ".tmp");
            if (random.nextInt(12) > 0) {
                volume.putFile(source, facts(random));
            }
            staged.add(source);
            String replace = random.nextInt(10) < 7 ? "!" : "";
            return List.of(marker + source.toNtString(), replace + target.toNtString());
        }
        if (kind < 80 && !staged.isEmpty()) {
            return List.of(marker + staged.get(random.nextInt(staged.size())).toNtString(), "");
        }
        if (kind < 85) {
            return List.of(target.toNtString(), "");
        }
        if (kind < 90) {
            WinPath other = targets.get(random.nextInt(targets.size()));
            return List.of(target.toNtString(), (random.nextBoolean() ? "!" : "") + other.toNtString());
        }
        if (kind < 94) {
            return List.of(WinPath.parse(STAGE_DIRS[random.nextInt(STAGE_DIRS.length)]).toNtString(), "");
        }
        if (kind < 97) {
            WinPath source = WinPath.parse("C:\\stage\\dos" + i + ".tmp");
            volume.putFile(source, facts(random));
            return List.of(source.toString(), "!" + target);
        }
        return List.of("\\??\\C:\\missing\\dir\\x" + i + ".tmp", "!" + target.toNtString());
    }

    private static FileFacts facts(Random random) {
        if (random.nextInt(12) == 0) {
            return FileFacts.unversioned(64, "no VERSIONINFO resource");
        }
        return FileFacts.versioned(1000 + random.nextInt(1000), new FileVersion(6, 1, 7601, 17000 + random.nextInt(6)));
    }

    private static byte[] bytes(List<String> strings) {
        StringBuilder sb = new StringBuilder();
        for (String s : strings) {
            sb.append(s).append('\0');
        }
        sb.append('\0');
        return sb.toString().getBytes(StandardCharsets.UTF_16LE);
    }

    @Override
    public String toString() {
        return "first=" + first + " second=" + second + " volume=" + volume.snapshot();
    }
}
