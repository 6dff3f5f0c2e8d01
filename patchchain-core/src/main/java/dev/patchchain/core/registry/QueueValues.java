package dev.patchchain.core.registry;

import dev.patchchain.core.queue.QueueValueName;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The exact bytes of the two queue values ({@code REG_MULTI_SZ} data), {@code null} for an absent value. Two
 * instances are equal when both values are byte-identical.
 *
 * <pre>{@code
 * QueueValues v = QueueValues.of(pfroBytes, null);            // second value absent
 * v.with(QueueValueName.PENDING_FILE_RENAME_OPERATIONS, null); // both absent: the queue is empty
 * }</pre>
 *
 * @param first  {@code PendingFileRenameOperations}, or {@code null}
 * @param second {@code PendingFileRenameOperations2}, or {@code null}
 */
public record QueueValues(byte[] first, byte[] second) {

    /** Neither value present. */
    public static final QueueValues ABSENT = new QueueValues(null, null);

    /** Copies the arrays. */
    public QueueValues {
        first = first == null ? null : first.clone();
        second = second == null ? null : second.clone();
    }

    /**
     * @param first  the first value's bytes, or {@code null}
     * @param second the second value's bytes, or {@code null}
     * @return the pair
     */
    public static QueueValues of(byte[] first, byte[] second) {
        return new QueueValues(first, second);
    }

    /**
     * @param name which value
     * @return a copy of its bytes, or empty if absent
     */
    public Optional<byte[]> get(QueueValueName name) {
        byte[] data = name == QueueValueName.PENDING_FILE_RENAME_OPERATIONS ? first : second;
        return Optional.ofNullable(data).map(byte[]::clone);
    }

    /**
     * @param name which value
     * @param data its new bytes, or {@code null} to make it absent
     * @return a copy with that value replaced
     */
    public QueueValues with(QueueValueName name, byte[] data) {
        return name == QueueValueName.PENDING_FILE_RENAME_OPERATIONS ? new QueueValues(data, second)
                : new QueueValues(first, data);
    }

    /** @return a copy of the first value, or {@code null} */
    @Override
    public byte[] first() {
        return first == null ? null : first.clone();
    }

    /** @return a copy of the second value, or {@code null} */
    @Override
    public byte[] second() {
        return second == null ? null : second.clone();
    }

    /**
     * @param name which value
     * @param other the other pair
     * @return true if that value is the same (both absent, or byte-identical) in both
     */
    public boolean sameValue(QueueValueName name, QueueValues other) {
        return Arrays.equals(get(name).orElse(null), other.get(name).orElse(null));
    }

    /**
     * A digest of both values that tells "absent" from "empty": each value is hashed as a presence byte, then
     * its bytes; the second value's part follows the first.
     *
     * @return lower-case hex SHA-256
     */
    public String sha256() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] value : new byte[][] {first, second}) {
                digest.update((byte) (value == null ? 0 : 1));
                if (value != null) {
                    digest.update(Integer.toString(value.length).getBytes(StandardCharsets.US_ASCII));
                    digest.update((byte) ':');
                    digest.update(value);
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QueueValues other && Arrays.equals(first, other.first)
                && Arrays.equals(second, other.second);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(first) + Arrays.hashCode(second);
    }

    @Override
    public String toString() {
        return "QueueValues[first=" + describe(first) + ", second=" + describe(second) + "]";
    }

    private static String describe(byte[] value) {
        return value == null ? "absent" : value.length + " bytes";
    }
}
