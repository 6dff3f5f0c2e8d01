package dev.patchchain.testing.wine;

import dev.patchchain.core.version.FileVersion;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One line of a {@code pfro_helper.exe} script: a real Win32 call, made now ({@code file}, {@code mkdir},
 * {@code copy}) or queued for the next boot ({@code rename}, {@code rename!}, {@code delete} through
 * {@code MoveFileExW(..., MOVEFILE_DELAY_UNTIL_REBOOT)}).
 *
 * <pre>{@code
 * HelperStep.rename("C:\\s\\1\\tmp\\a.tmp", "C:\\s\\1\\sys\\a.dll", true).queuedStrings();
 * // [\??\C:\s\1\tmp\a.tmp, !\??\C:\s\1\sys\a.dll]
 * }</pre>
 *
 * @param kind    what the helper calls
 * @param path    the first path: the file created, the source renamed or deleted
 * @param other   the second path: the rename target or copy destination, {@code ""} when there is none
 * @param version for {@link Kind#FILE}, the version of the PE written there; {@code null} otherwise
 */
public record HelperStep(Kind kind, String path, String other, FileVersion version) {

    private static final String NT_PREFIX = "\\??\\";

    /** The helper's step names (see {@code src/test/c/pfro_helper.c}). */
    public enum Kind {
        /** Create a file holding a PE of a given version. */
        FILE("file"),
        /** Create a directory. */
        MKDIR("mkdir"),
        /** Copy a file now. */
        COPY("copy"),
        /** Queue a rename that fails at boot if the target exists. */
        RENAME("rename"),
        /** Queue a rename that replaces an existing target. */
        RENAME_REPLACE("rename!"),
        /** Queue a delete. */
        DELETE("delete");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        /** @return the step's name in a script */
        public String word() {
            return word;
        }
    }

    /** Checks the components. */
    public HelperStep {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(other, "other");
        if ((kind == Kind.FILE) != (version != null)) {
            throw new IllegalArgumentException("a version goes with a file step, and only there: " + kind);
        }
    }

    /**
     * @param path    where
     * @param version the PE version of its content
     * @return a step creating the file
     */
    public static HelperStep file(String path, FileVersion version) {
        return new HelperStep(Kind.FILE, path, "", version);
    }

    /**
     * @param path where
     * @return a step creating the directory
     */
    public static HelperStep mkdir(String path) {
        return new HelperStep(Kind.MKDIR, path, "", null);
    }

    /**
     * @param from the existing file
     * @param to   the copy
     * @return a step copying now
     */
    public static HelperStep copy(String from, String to) {
        return new HelperStep(Kind.COPY, from, to, null);
    }

    /**
     * @param from    the source
     * @param to      the target
     * @param replace true for {@code MOVEFILE_REPLACE_EXISTING}
     * @return a step queueing the rename
     */
    public static HelperStep rename(String from, String to, boolean replace) {
        return new HelperStep(replace ? Kind.RENAME_REPLACE : Kind.RENAME, from, to, null);
    }

    /**
     * @param path the file or directory
     * @return a step queueing its deletion
     */
    public static HelperStep delete(String path) {
        return new HelperStep(Kind.DELETE, path, "", null);
    }

    /** @return true if the step adds to the pending queue rather than acting now */
    public boolean queues() {
        return kind == Kind.RENAME || kind == Kind.RENAME_REPLACE || kind == Kind.DELETE;
    }

    /**
     * @return the two strings {@code MoveFileExW} appends to {@code PendingFileRenameOperations} when the call
     *         succeeds (measured: {@code \??\} before each path, {@code !} for replace, {@code ""} for a delete)
     * @throws IllegalStateException if the step does not queue anything
     */
    public List<String> queuedStrings() {
        return switch (kind) {
            case RENAME -> List.of(NT_PREFIX + path, NT_PREFIX + other);
            case RENAME_REPLACE -> List.of(NT_PREFIX + path, "!" + NT_PREFIX + other);
            case DELETE -> List.of(NT_PREFIX + path, "");
            default -> throw new IllegalStateException(kind + " does not queue anything");
        };
    }

    /**
     * @param contentFile the Windows path (e.g. {@code Z:\...}) of a host file holding a PE of the given version
     * @return the script line, fields separated by TAB
     */
    public String line(Function<FileVersion, String> contentFile) {
        return switch (kind) {
            case FILE -> kind.word() + "\t" + path + "\t" + contentFile.apply(version);
            case MKDIR, DELETE -> kind.word() + "\t" + path;
            default -> kind.word() + "\t" + path + "\t" + other;
        };
    }

    @Override
    public String toString() {
        return line(v -> "<PE " + v + ">");
    }
}
