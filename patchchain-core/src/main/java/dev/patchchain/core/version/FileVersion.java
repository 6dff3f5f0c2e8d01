package dev.patchchain.core.version;

import java.util.Objects;

/**
 * A Windows file version as stored in {@code VS_FIXEDFILEINFO}: four unsigned 16-bit parts, totally ordered.
 *
 * <p>Comparisons always use these fixed parts; the string {@code FileVersion} of a version resource is for
 * display only (it often disagrees, e.g. {@code "5,1,2600,0"} or {@code "5.8.7601.16982"} against a fixed
 * {@code 5.7.7601.16982}).
 *
 * <pre>{@code
 * FileVersion a = FileVersion.parse("6.1.7601.17514");
 * FileVersion b = FileVersion.fromMsLs(0x00060001, 0x1DB15B4B); // 6.1.7601.23403
 * a.compareTo(b) < 0;                                            // true
 * }</pre>
 *
 * @param major    high word of FileVersionMS
 * @param minor    low word of FileVersionMS
 * @param build    high word of FileVersionLS
 * @param revision low word of FileVersionLS
 */
public record FileVersion(int major, int minor, int build, int revision) implements Comparable<FileVersion> {

    private static final int MAX_PART = 0xFFFF;

    /** Checks that every part is an unsigned 16-bit number. */
    public FileVersion {
        checkPart("major", major);
        checkPart("minor", minor);
        checkPart("build", build);
        checkPart("revision", revision);
    }

    /**
     * Builds a version from the two 32-bit words of {@code VS_FIXEDFILEINFO}.
     *
     * @param ms FileVersionMS (major in the high word, minor in the low word)
     * @param ls FileVersionLS (build in the high word, revision in the low word)
     * @return the version
     */
    public static FileVersion fromMsLs(int ms, int ls) {
        return new FileVersion(ms >>> 16, ms & MAX_PART, ls >>> 16, ls & MAX_PART);
    }

    /**
     * Parses one to four dot-separated decimal parts; missing parts are zero ({@code "1.0"} is 1.0.0.0).
     *
     * @param text the version text, e.g. {@code "6.1.7601.17514"}
     * @return the version
     * @throws IllegalArgumentException if the text is not one to four numbers in 0..65535 separated by dots
     */
    public static FileVersion parse(String text) {
        Objects.requireNonNull(text, "text");
        String[] parts = text.trim().split("\\.", -1);
        if (parts.length < 1 || parts.length > 4) {
            throw new IllegalArgumentException("not a file version (1 to 4 dot-separated numbers expected): \"" + text + "\"");
        }
        int[] values = new int[4];
        for (int i = 0; i < parts.length; i++) {
            values[i] = parsePart(parts[i], text);
        }
        return new FileVersion(values[0], values[1], values[2], values[3]);
    }

    /** @return FileVersionMS: major in the high word, minor in the low word */
    public int ms() {
        return major << 16 | minor;
    }

    /** @return FileVersionLS: build in the high word, revision in the low word */
    public int ls() {
        return build << 16 | revision;
    }

    /** @return the four parts packed into one unsigned-comparable long, major first */
    public long packed() {
        return (long) major << 48 | (long) minor << 32 | (long) build << 16 | revision;
    }

    @Override
    public int compareTo(FileVersion other) {
        return Long.compareUnsigned(packed(), other.packed());
    }

    /** @return true if this version is strictly older than {@code other} */
    public boolean isOlderThan(FileVersion other) {
        return compareTo(other) < 0;
    }

    /** @return the newer of two versions ({@code this} on a tie) */
    public FileVersion max(FileVersion other) {
        return other.compareTo(this) > 0 ? other : this;
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + build + "." + revision;
    }

    private static int parsePart(String part, String text) {
        if (part.isEmpty() || part.length() > 5 || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("not a file version part (0..65535 expected): \"" + part + "\" in \"" + text + "\"");
        }
        int value = Integer.parseInt(part);
        if (value > MAX_PART) {
            throw new IllegalArgumentException("file version part " + value + " exceeds 65535 in \"" + text + "\"");
        }
        return value;
    }

    private static void checkPart(String name, int value) {
        if (value < 0 || value > MAX_PART) {
            throw new IllegalArgumentException(name + " must be 0..65535, was " + value);
        }
    }
}
