package dev.patchchain.core.boot;

import dev.patchchain.core.path.PathSyntax;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which implementation of the boot-time queue to imitate. Windows' session manager and Wine's {@code wineboot}
 * agree on the core rules and differ on the edges; docs/semantics.md lists each difference with its evidence.
 */
public enum BootRules {
    /**
     * smss.exe: both values, markers stripped, only NT paths ({@code \??\C:\...}, {@code \SystemRoot\...}) open,
     * {@code !} and {@code @} before a target both mean replace.
     */
    WINDOWS(true, true, EnumSet.of(PathSyntax.NT, PathSyntax.SYSTEM_ROOT), Set.of("!", "@")),
    /**
     * wineboot: only {@code PendingFileRenameOperations}; a source marker such as {@code *1} is not stripped
     * (so that entry fails); paths are Win32 paths after an optional {@code \??\}, so {@code C:\x} works; only
     * {@code !} before a target is understood: {@code @\??\C:\x} is taken as a path, which cannot be opened
     * (Wine oracle: the rename fails whether the target exists or not).
     */
    WINE(false, false, EnumSet.of(PathSyntax.NT, PathSyntax.DOS, PathSyntax.WIN32_FILE_NAMESPACE,
            PathSyntax.WIN32_DEVICE_NAMESPACE), Set.of("!"));

    private final boolean processesSecondValue;
    private final boolean stripsSourceMarkers;
    private final Set<PathSyntax> openableSyntaxes;
    private final Set<String> targetMarkers;

    BootRules(boolean processesSecondValue, boolean stripsSourceMarkers, Set<PathSyntax> openableSyntaxes,
              Set<String> targetMarkers) {
        this.processesSecondValue = processesSecondValue;
        this.stripsSourceMarkers = stripsSourceMarkers;
        this.openableSyntaxes = openableSyntaxes;
        this.targetMarkers = targetMarkers;
    }

    /** @return true if {@code PendingFileRenameOperations2} is executed after the first value */
    public boolean processesSecondValue() {
        return processesSecondValue;
    }

    /** @return true if a {@code *N} or {@code @} marker before the source is stripped before opening it */
    public boolean stripsSourceMarkers() {
        return stripsSourceMarkers;
    }

    /**
     * @param marker the marker before a rename's target: {@code ""}, {@code "!"} or {@code "@"}
     * @return true if this implementation strips it (and replaces an existing target); an empty marker always is
     */
    public boolean understandsTargetMarker(String marker) {
        return marker.isEmpty() || targetMarkers.contains(marker);
    }

    /**
     * @param syntax how a queued path is written
     * @return true if this implementation can open a path written that way ({@code C:\x} without {@code \??\}
     *         fails on Windows: the session manager hands it to NtOpenFile unchanged)
     */
    public boolean canOpen(PathSyntax syntax) {
        return openableSyntaxes.contains(syntax);
    }
}
