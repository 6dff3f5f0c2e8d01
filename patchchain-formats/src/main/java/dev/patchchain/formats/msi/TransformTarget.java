package dev.patchchain.formats.msi;

import dev.patchchain.formats.FormatException;
import java.util.Locale;
import java.util.Optional;
import org.apache.poi.poifs.filesystem.DirectoryNode;

/**
 * What a transform applies to, from its summary's revision number ({@code docs/formats/msi.md#transforms}):
 * {@code {target ProductCode}version;{upgraded ProductCode}version;{UpgradeCode}}. A part that does not fit is empty.
 *
 * @param productCode         the target product's code, upper case with braces
 * @param productVersion      the target product's version
 * @param upgradedProductCode the product code after the transform
 * @param upgradedVersion     the product version after the transform
 * @param upgradeCode         the upgrade code
 */
public record TransformTarget(Optional<String> productCode, Optional<String> productVersion,
                              Optional<String> upgradedProductCode, Optional<String> upgradedVersion,
                              Optional<String> upgradeCode) {

    /** {@code {XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}}. */
    static final int GUID_LENGTH = 38;

    static final TransformTarget NONE = new TransformTarget(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty());

    static TransformTarget read(DirectoryNode storage, String source) throws FormatException {
        return MsiSummary.read(storage, source).map(s -> parse(s.revisionNumber())).orElse(NONE);
    }

    /** Parses the revision number {@code {target}ver;{upgraded}ver;{upgrade code}}; what does not fit is empty. */
    static TransformTarget parse(String revision) {
        if (revision == null) {
            return NONE;
        }
        String[] parts = revision.split(";", -1);
        String target = parts[0];
        String upgraded = parts.length > 1 ? parts[1] : "";
        return new TransformTarget(guid(target), version(target), guid(upgraded), version(upgraded),
                parts.length > 2 ? guid(parts[2]) : Optional.empty());
    }

    /** @return the GUID a part starts with, upper case with braces */
    static Optional<String> guid(String part) {
        String t = part.trim();
        return t.length() >= GUID_LENGTH && t.charAt(0) == '{' && t.charAt(GUID_LENGTH - 1) == '}'
                ? Optional.of(t.substring(0, GUID_LENGTH).toUpperCase(Locale.ROOT))
                : Optional.empty();
    }

    private static Optional<String> version(String part) {
        String t = part.trim();
        return guid(t).map(g -> t.substring(GUID_LENGTH).trim()).filter(v -> !v.isEmpty());
    }
}
