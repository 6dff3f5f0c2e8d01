package dev.patchchain.formats;

import dev.patchchain.core.queue.MultiSz;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded generators of queue value bytes shaped like real ones, with the odd layouts mixed in. */
public final class RandomQueues {

    private static final String[] DIRS = {"C:\\Windows\\System32", "C:\\Windows\\WinSxS\\Temp\\InFlight\\0a1b",
        "C:\\Program Files\\Vendor", "D:\\stage", "C:\\Config.Msi", "C:\\Users\\Jörg\\AppData\\Local\\Temp"};
    private static final String[] SOURCE_MARKERS = {"", "", "", "*1", "*2", "@"};
    private static final String[] TARGET_MARKERS = {"", "!", "!", "@"};

    private RandomQueues() {
    }

    /**
     * @param random the generator
     * @return queue strings: rename and delete pairs in NT syntax with the usual markers
     */
    public static List<String> strings(Random random) {
        List<String> strings = new ArrayList<>();
        int entries = random.nextInt(8);
        for (int i = 0; i < entries; i++) {
            strings.add(SOURCE_MARKERS[random.nextInt(SOURCE_MARKERS.length)] + "\\??\\" + path(random));
            strings.add(random.nextInt(3) == 0 ? "" : TARGET_MARKERS[random.nextInt(TARGET_MARKERS.length)] + "\\??\\" + path(random));
        }
        return strings;
    }

    /**
     * @param random the generator
     * @return a value's bytes: mostly well-formed, sometimes padded, unterminated or of odd length
     */
    public static byte[] valueBytes(Random random) {
        byte[] data = MultiSz.of(strings(random)).encode();
        return switch (random.nextInt(6)) {
            case 0 -> java.util.Arrays.copyOf(data, data.length + 4);
            case 1 -> java.util.Arrays.copyOf(data, Math.max(0, data.length - 2 - random.nextInt(3)));
            default -> data;
        };
    }

    private static String path(Random random) {
        StringBuilder name = new StringBuilder();
        int length = 1 + random.nextInt(40);
        for (int i = 0; i < length; i++) {
            name.append((char) ('a' + random.nextInt(26)));
        }
        return DIRS[random.nextInt(DIRS.length)] + "\\" + name + ".dll";
    }
}
