package dev.patchchain.core.volume;

import dev.patchchain.core.path.WinPath;
import java.util.List;

/**
 * Read access to a Windows file system as the boot-time queue sees it: what is at a path, and what a directory
 * holds. {@link InMemoryVolume} implements it for tests and generated images; the platform module implements it
 * over a mounted Windows volume. Both pass the same contract suite.
 *
 * <p>Implementations compare paths case-insensitively, as NTFS does for Windows.
 */
public interface VolumeState {

    /** A volume about which nothing is known: every path is {@link PathState#UNKNOWN}. */
    VolumeState UNKNOWN = new VolumeState() {
        @Override
        public PathState stat(WinPath path) {
            return PathState.UNKNOWN;
        }

        @Override
        public List<String> list(WinPath directory) {
            return List.of();
        }

        @Override
        public boolean isKnown() {
            return false;
        }
    };

    /**
     * @param path an absolute path
     * @return what is at the path
     */
    PathState stat(WinPath path);

    /**
     * @param directory an absolute path
     * @return the names directly inside it in a stable order; empty if it is not a directory or is unknown
     */
    List<String> list(WinPath directory);

    /** @return false if this volume cannot say anything (no image was given) */
    default boolean isKnown() {
        return true;
    }
}
