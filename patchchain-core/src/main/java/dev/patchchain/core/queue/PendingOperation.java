package dev.patchchain.core.queue;

import dev.patchchain.core.path.WinPath;
import java.util.List;
import java.util.Objects;

/**
 * One entry of the pending queue: a {@link Rename}, a {@link Delete}, or strings we do not understand, kept
 * verbatim as {@link Unparseable}. Every entry keeps its raw strings, so an unchanged entry is written back
 * byte for byte.
 */
public sealed interface PendingOperation {

    /** @return which value and string index the entry came from */
    Origin origin();

    /** @return the entry's strings exactly as stored (source, then destination) */
    List<String> rawStrings();

    /**
     * @return the source path, or {@code null} for an entry without a usable source
     */
    WinPath sourcePath();

    /**
     * Rename {@code source} to {@code target} at boot. Without {@code replaceExisting} the rename fails when the
     * target exists.
     *
     * @param origin          where the entry came from
     * @param rawSource       the source string as stored, e.g. {@code *1\??\C:\x.tmp}
     * @param rawTarget       the destination string as stored, e.g. {@code !\??\C:\x.dll}
     * @param sourceMarker    the marker before the source path ({@code ""}, {@code "*1"}, {@code "@"}, ...)
     * @param source          the parsed source path
     * @param targetMarker    the marker before the target path ({@code ""}, {@code "!"} or {@code "@"})
     * @param target          the parsed target path
     */
    record Rename(Origin origin, String rawSource, String rawTarget, String sourceMarker, WinPath source,
                  String targetMarker, WinPath target) implements PendingOperation {

        /** Checks the components. */
        public Rename {
            Objects.requireNonNull(origin, "origin");
            Objects.requireNonNull(rawSource, "rawSource");
            Objects.requireNonNull(rawTarget, "rawTarget");
            Objects.requireNonNull(sourceMarker, "sourceMarker");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(targetMarker, "targetMarker");
            Objects.requireNonNull(target, "target");
        }

        /** @return true if the destination carries {@code !} or {@code @}: replace an existing file */
        public boolean replaceExisting() {
            return !targetMarker.isEmpty();
        }

        @Override
        public List<String> rawStrings() {
            return List.of(rawSource, rawTarget);
        }

        @Override
        public WinPath sourcePath() {
            return source;
        }
    }

    /**
     * Delete {@code source} at boot (a file, or a directory if it is empty). Stored as the source followed by an
     * empty destination string.
     *
     * @param origin       where the entry came from
     * @param rawSource    the source string as stored
     * @param sourceMarker the marker before the source path
     * @param source       the parsed source path
     */
    record Delete(Origin origin, String rawSource, String sourceMarker, WinPath source) implements PendingOperation {

        /** Checks the components. */
        public Delete {
            Objects.requireNonNull(origin, "origin");
            Objects.requireNonNull(rawSource, "rawSource");
            Objects.requireNonNull(sourceMarker, "sourceMarker");
            Objects.requireNonNull(source, "source");
        }

        @Override
        public List<String> rawStrings() {
            return List.of(rawSource, "");
        }

        @Override
        public WinPath sourcePath() {
            return source;
        }
    }

    /**
     * Strings that do not form an operation we understand, kept verbatim.
     *
     * @param origin     where the entry came from
     * @param rawStrings the strings, verbatim (one for a source without destination, two for a pair)
     * @param reason     why it was not understood
     */
    record Unparseable(Origin origin, List<String> rawStrings, String reason) implements PendingOperation {

        /** Copies the strings and checks the components. */
        public Unparseable {
            Objects.requireNonNull(origin, "origin");
            rawStrings = List.copyOf(rawStrings);
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public WinPath sourcePath() {
            return null;
        }
    }
}
