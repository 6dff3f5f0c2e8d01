package dev.patchchain.formats.msi;

import dev.patchchain.formats.FormatException;
import java.util.Locale;
import java.util.Optional;
import org.apache.poi.poifs.filesystem.DirectoryNode;

/**
 * What a transform applies to, from its summary ({@code docs/formats/msi.md#transforms}): the revision number
 * {@code {target ProductCode}version;{upgraded ProductCode}version;{UpgradeCode}} (a part that does not fit is
 * empty), and from the character count's high word the validation flags, which say what the installer checks.
 *
 * @param productCode         the target product's code, upper case with braces
 * @param productVersion      the target product's version
 * @param upgradedProductCode the product code after the transform
 * @param upgradedVersion     the product version after the transform
 * @param upgradeCode         the upgrade code
 * @param validation          the validation flags ({@code MSITRANSFORM_VALIDATE_*}; 0x0002: the product code)
 */
public record TransformTarget(Optional<String> productCode, Optional<String> productVersion,
                              Optional<String> upgradedProductCode, Optional<String> upgradedVersion,
                              Optional<String> upgradeCode, int validation) {

    /** {@code MSITRANSFORM_VALIDATE_PRODUCT}: the installer applies the transform only to its target product. */
    public static final int VALIDATE_PRODUCT = 0x0002;

    /** {@code {XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}}. */
    static final int GUID_LENGTH = 38;

    static final TransformTarget NONE = new TransformTarget(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), 0);

    static TransformTarget read(DirectoryNode storage, String source) throws FormatException {
        return MsiSummary.read(storage, source).map(s -> parse(s.revisionNumber(), s.charCount() >>> 16))
                .orElse(NONE);
    }

    /**
     * @param productCode a product's code
     * @return whether the installer applies the transform to it: unless the transform validates the product code,
     *         to any product (Wine's {@code msi.dll} and {@code MsiPatchWineOracleTest})
     */
    public boolean accepts(String productCode) {
        return (validation & VALIDATE_PRODUCT) == 0
                || this.productCode.map(c -> c.equalsIgnoreCase(productCode.trim())).orElse(true);
    }

    /**
     * Parses the revision number {@code {target}ver;{upgraded}ver;{upgrade code}}; what does not fit is empty.
     *
     * @param revision   the summary's revision number
     * @param validation the validation flags
     * @return the target
     */
    static TransformTarget parse(String revision, int validation) {
        if (revision == null) {
            return new TransformTarget(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), validation);
        }
        String[] parts = revision.split(";", -1);
        String target = parts[0];
        String upgraded = parts.length > 1 ? parts[1] : "";
        return new TransformTarget(guid(target), version(target), guid(upgraded), version(upgraded),
                parts.length > 2 ? guid(parts[2]) : Optional.empty(), validation);
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
