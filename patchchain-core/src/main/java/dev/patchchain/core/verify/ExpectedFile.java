package dev.patchchain.core.verify;

import dev.patchchain.core.path.WinPath;
import dev.patchchain.core.version.FileVersion;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A file an update installs, as a catalog lists it.
 *
 * <pre>{@code
 * new ExpectedFile(WinPath.parse("C:\\Windows\\System32\\win32k.sys"),
 *         Optional.of(FileVersion.parse("6.1.7601.23403")), Optional.empty());
 * }</pre>
 *
 * @param path    where the file must be
 * @param version the fixed file version the update installs, if catalogued
 * @param sha256  the file's SHA-256, 64 lower-case hex digits, if catalogued
 * @param component the component-store evidence, for files expected from an image's own servicing store
 */
public record ExpectedFile(WinPath path, Optional<FileVersion> version, Optional<String> sha256,
                           Optional<ComponentSource> component) {

    /** Checks the components and lower-cases the hash. */
    public ExpectedFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(component, "component");
        sha256 = sha256.map(h -> h.toLowerCase(Locale.ROOT));
        if (sha256.isPresent() && !sha256.get().matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("sha256 must be 64 hex digits, was \"" + sha256.get() + "\"");
        }
    }

    /**
     * A file a catalog lists, without component-store evidence.
     *
     * @param path    where the file must be
     * @param version the fixed file version, if catalogued
     * @param sha256  the SHA-256, if catalogued
     */
    public ExpectedFile(WinPath path, Optional<FileVersion> version, Optional<String> sha256) {
        this(path, version, sha256, Optional.empty());
    }
}
