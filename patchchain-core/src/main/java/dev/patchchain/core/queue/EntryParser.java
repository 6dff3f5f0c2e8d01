package dev.patchchain.core.queue;

import dev.patchchain.core.path.PathContext;
import dev.patchchain.core.path.WinPath;
import dev.patchchain.core.path.WinPathException;
import java.util.List;

/**
 * Turns one source/destination pair of strings into an operation, keeping the markers:
 * a source may start with {@code *<digit>} (written by MoveFileEx on Windows 10 19045.6218 and later) or
 * {@code @}; a destination may start with {@code !} or {@code @} (replace an existing file); an empty destination
 * means delete. See docs/semantics.md.
 */
final class EntryParser {

    private final PathContext context;

    EntryParser(PathContext context) {
        this.context = context;
    }

    PendingOperation parse(Origin origin, String rawSource, String rawTarget) {
        String sourceMarker = sourceMarker(rawSource);
        if (sourceMarker == null) {
            return new PendingOperation.Unparseable(origin, List.of(rawSource, rawTarget),
                    "unknown marker before the source path: \"" + rawSource.substring(0, Math.min(2, rawSource.length())) + "\"");
        }
        WinPath source;
        try {
            source = WinPath.parse(rawSource.substring(sourceMarker.length()), context);
        } catch (WinPathException e) {
            return new PendingOperation.Unparseable(origin, List.of(rawSource, rawTarget), "source " + e.getMessage());
        }
        if (rawTarget.isEmpty()) {
            return new PendingOperation.Delete(origin, rawSource, sourceMarker, source);
        }
        String targetMarker = rawTarget.startsWith("!") || rawTarget.startsWith("@") ? rawTarget.substring(0, 1) : "";
        try {
            WinPath target = WinPath.parse(rawTarget.substring(targetMarker.length()), context);
            return new PendingOperation.Rename(origin, rawSource, rawTarget, sourceMarker, source, targetMarker, target);
        } catch (WinPathException e) {
            return new PendingOperation.Unparseable(origin, List.of(rawSource, rawTarget), "destination " + e.getMessage());
        }
    }

    /** @return the marker, {@code ""} for none, or {@code null} for a {@code *} not followed by a digit */
    static String sourceMarker(String rawSource) {
        if (rawSource.startsWith("*")) {
            if (rawSource.length() >= 2 && rawSource.charAt(1) >= '0' && rawSource.charAt(1) <= '9') {
                return rawSource.substring(0, 2);
            }
            return null;
        }
        if (rawSource.startsWith("@")) {
            return "@";
        }
        return "";
    }
}
