package dev.patchchain.platform.image;

import dev.patchchain.core.volume.FileFacts;
import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.pe.PeVersionInfo;
import dev.patchchain.formats.pe.PeVersionReader;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The usual {@link FileInspector}: the fixed FileVersion of the PE version resource. A file that is not a PE, has
 * no version resource, is damaged or cannot be read is unversioned, and the note says which.
 *
 * <pre>{@code
 * new PeFileInspector().inspect(Path.of("/mnt/win/Windows/System32/ntdll.dll"), 1_945_000);
 * // FileFacts[size=1945000, version=Optional[6.1.7601.24059], versionNote=]
 * }</pre>
 */
public final class PeFileInspector implements FileInspector {

    @Override
    public FileFacts inspect(Path file, long size) {
        try {
            PeVersionInfo info = PeVersionReader.read(file);
            return info.fileVersion()
                    .map(version -> FileFacts.versioned(size, version))
                    .orElseGet(() -> FileFacts.unversioned(size, info.language() < 0 ? "no VERSIONINFO resource"
                            : "VERSIONINFO resource without VS_FIXEDFILEINFO"));
        } catch (FormatException e) {
            String why = switch (e.kind()) {
                case NOT_THIS_FORMAT -> "not a PE image: ";
                case CORRUPT -> "damaged PE image: ";
                case UNSUPPORTED -> "unsupported PE image: ";
            };
            return FileFacts.unversioned(size, why + e.getMessage());
        } catch (IOException e) {
            return FileFacts.unversioned(size, "unreadable: " + e);
        }
    }
}
