package dev.patchchain.formats.pe;

import dev.patchchain.core.version.FileVersion;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link PeVersionReader} read from a PE image: its machine and header kind, and the version resource of the
 * chosen language, if it has one.
 *
 * <pre>{@code
 * PeVersionInfo info = PeVersionReader.read(Path.of("kernel32.dll"));
 * info.machineName();                 // "x64"
 * info.fileVersion();                 // Optional[10.0.19041.1]
 * info.string("CompanyName");         // Optional[Microsoft Corporation]
 * }</pre>
 *
 * @param machine        COFF {@code Machine}, e.g. {@code 0x8664}
 * @param pe32Plus       true for a PE32+ (64-bit) image
 * @param fileVersion    the fixed FileVersion of {@code VS_FIXEDFILEINFO}; empty without a version resource
 * @param productVersion the fixed ProductVersion; empty likewise
 * @param language       the language id of the chosen {@code RT_VERSION} resource, or -1 if there is none
 * @param codePage       the code page of the chosen string table, or -1 if there is none
 * @param strings        the chosen string table's key/value pairs in file order (unmodifiable)
 */
public record PeVersionInfo(int machine, boolean pe32Plus, Optional<FileVersion> fileVersion,
        Optional<FileVersion> productVersion, int language, int codePage, Map<String, String> strings) {

    /** Checks the components and freezes {@code strings}, keeping its order. */
    public PeVersionInfo {
        Objects.requireNonNull(fileVersion, "fileVersion");
        Objects.requireNonNull(productVersion, "productVersion");
        strings = Collections.unmodifiableMap(new LinkedHashMap<>(strings));
    }

    /**
     * @param key a string key, e.g. {@code "OriginalFilename"}; exact, case-sensitive as stored
     * @return its value in the chosen string table
     */
    public Optional<String> string(String key) {
        return Optional.ofNullable(strings.get(key));
    }

    /** @return the common name of {@link #machine()} ("x64", "x86", "arm64", "arm", "ia64"), else its hex value */
    public String machineName() {
        return switch (machine) {
            case 0x8664 -> "x64";
            case 0x14C -> "x86";
            case 0xAA64 -> "arm64";
            case 0x1C0, 0x1C2, 0x1C4 -> "arm";
            case 0x200 -> "ia64";
            default -> String.format("0x%04x", machine);
        };
    }
}
