package dev.patchchain.core.registry;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One registry value's type and bytes, with the few readings the signals and inventories need. A reading that
 * does not fit the bytes (a {@code dword} of 3 bytes) is empty, never a guess.
 *
 * <pre>{@code
 * new RegistryValue(RegistryValue.REG_DWORD, new byte[] {1, 0, 0, 0}).dword();   // Optional[1]
 * }</pre>
 *
 * @param type the registry type ({@link #REG_SZ}, {@link #REG_DWORD}, ...)
 * @param data the raw bytes
 */
public record RegistryValue(int type, byte[] data) {

    /** {@code REG_SZ}. */
    public static final int REG_SZ = 1;
    /** {@code REG_EXPAND_SZ}. */
    public static final int REG_EXPAND_SZ = 2;
    /** {@code REG_BINARY}. */
    public static final int REG_BINARY = 3;
    /** {@code REG_DWORD} (little-endian). */
    public static final int REG_DWORD = 4;
    /** {@code REG_MULTI_SZ}. */
    public static final int REG_MULTI_SZ = 7;

    private static final int DWORD_BYTES = 4;
    private static final int QWORD_BYTES = 8;
    private static final long EPOCH_1601_TO_1970_SECONDS = 11_644_473_600L;
    private static final long TICKS_PER_SECOND = 10_000_000L;

    /** Copies the bytes. */
    public RegistryValue {
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** @return the first four bytes as an unsigned little-endian number, if there are exactly four */
    public Optional<Long> dword() {
        if (data.length != DWORD_BYTES) {
            return Optional.empty();
        }
        return Optional.of(le(DWORD_BYTES) & 0xFFFF_FFFFL);
    }

    /**
     * @return eight bytes read as a FILETIME (100 ns ticks since 1601-01-01 UTC), as {@code ShutdownTime} holds it;
     *         empty if the value is not eight bytes or is zero
     */
    public Optional<Instant> fileTime() {
        if (data.length != QWORD_BYTES) {
            return Optional.empty();
        }
        long ticks = le(QWORD_BYTES);
        if (ticks <= 0) {
            return Optional.empty();
        }
        return Optional.of(Instant.ofEpochSecond(ticks / TICKS_PER_SECOND - EPOCH_1601_TO_1970_SECONDS,
                ticks % TICKS_PER_SECOND * 100));
    }

    /** @return the data as UTF-16LE text up to the first NUL (for {@code REG_SZ}, {@code REG_EXPAND_SZ}) */
    public String string() {
        String all = new String(data, 0, data.length & ~1, StandardCharsets.UTF_16LE);
        int nul = all.indexOf('\0');
        return nul < 0 ? all : all.substring(0, nul);
    }

    /** @return the strings of a {@code REG_MULTI_SZ}, without the empty string that ends the list */
    public List<String> strings() {
        String all = new String(data, 0, data.length & ~1, StandardCharsets.UTF_16LE);
        List<String> out = new ArrayList<>(Arrays.asList(all.split("\0", -1)));
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    /** @return the value as the registry editor would show it in one line: a number, text, or hex bytes */
    public String display() {
        return switch (type) {
            case REG_DWORD -> dword().map(d -> "0x" + Long.toHexString(d)).orElseGet(this::hex);
            case REG_SZ, REG_EXPAND_SZ -> '"' + string() + '"';
            case REG_MULTI_SZ -> strings().toString();
            default -> hex();
        };
    }

    private String hex() {
        StringBuilder sb = new StringBuilder("hex:");
        for (byte b : data) {
            sb.append(String.format("%02x", b & 0xFF));
        }
        return sb.toString();
    }

    private long le(int bytes) {
        long v = 0;
        for (int i = bytes - 1; i >= 0; i--) {
            v = v << 8 | (data[i] & 0xFF);
        }
        return v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RegistryValue v && v.type == type && Arrays.equals(v.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * type + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "RegistryValue[type=" + type + ", " + display() + "]";
    }
}
