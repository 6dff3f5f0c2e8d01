package dev.patchchain.core.verify;

import dev.patchchain.core.path.WinPath;
import java.util.Optional;

/**
 * The SHA-256 of a file on the volume now, for catalog entries that give a hash and no version. The platform
 * hashes image files; {@link #NONE} knows nothing.
 *
 * <pre>{@code
 * ContentDigest digest = path -> Optional.of("ab12...");   // 64 lower-case hex digits
 * }</pre>
 */
@FunctionalInterface
public interface ContentDigest {

    /** Knows no file's content. */
    ContentDigest NONE = path -> Optional.empty();

    /**
     * @param path a file on the volume now
     * @return its SHA-256 as 64 lower-case hex digits, or empty if it is absent or cannot be read
     */
    Optional<String> sha256(WinPath path);
}
