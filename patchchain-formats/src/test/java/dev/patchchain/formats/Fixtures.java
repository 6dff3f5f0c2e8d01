package dev.patchchain.formats;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/** Test fixtures from {@code src/test/resources/dev/patchchain/formats} and seeded randomness. */
public final class Fixtures {

    private Fixtures() {
    }

    /**
     * @param name path below {@code dev/patchchain/formats/}
     * @return the fixture's bytes
     */
    public static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/dev/patchchain/formats/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param text text
     * @return UTF-16LE with BOM, as regedit writes
     */
    public static byte[] utf16WithBom(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] out = new byte[body.length + 2];
        out[0] = (byte) 0xFF;
        out[1] = (byte) 0xFE;
        System.arraycopy(body, 0, out, 2, body.length);
        return out;
    }

    /**
     * @param testName what the seed is for
     * @return a generator seeded by {@code -Dpatchchain.seed} or a fresh seed, printed
     */
    public static Random random(String testName) {
        String fixed = System.getProperty("patchchain.seed");
        long seed = fixed != null ? Long.parseLong(fixed) : new Random().nextLong();
        System.out.println("[seed] " + testName + ": " + seed + "  (replay with -Dpatchchain.seed=" + seed + ")");
        return new Random(seed);
    }
}
