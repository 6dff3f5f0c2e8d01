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
 * @param validation          the validation flags ({@code MSITRANSFORM_VALIDATE_*}): which of the target's product
 *                            code, upgrade code and major or minor version the installer checks
 */
public record TransformTarget(Optional<String> productCode, Optional<String> productVersion,
                              Optional<String> upgradedProductCode, Optional<String> upgradedVersion,
                              Optional<String> upgradeCode, int validation) {

    /** {@code MSITRANSFORM_VALIDATE_PRODUCT}: the installer applies the transform only to its target product. */
    public static final int VALIDATE_PRODUCT = 0x0002;
    /** {@code MSITRANSFORM_VALIDATE_MAJORVERSION}: only to a product of the target's major version. */
    public static final int VALIDATE_MAJOR_VERSION = 0x0008;
    /** {@code MSITRANSFORM_VALIDATE_MINORVERSION}: only to a product of the target's major and minor version. */
    public static final int VALIDATE_MINOR_VERSION = 0x0010;
    /** {@code MSITRANSFORM_VALIDATE_UPGRADECODE}: only to a product of the target's upgrade code. */
    public static final int VALIDATE_UPGRADE_CODE = 0x0800;

    /** {@code {XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}}. */
    static final int GUID_LENGTH = 38;

    static final TransformTarget NONE = new TransformTarget(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), 0);

    static TransformTarget read(DirectoryNode storage, String source) throws FormatException {
        return MsiSummary.read(storage, source).map(s -> parse(s.revisionNumber(), s.charCount() >>> 16))
                .orElse(NONE);
    }

    /**
     * Whether the installer applies the transform to a product: each check the validation flags ask for (product
     * code, upgrade code, major or major and minor version equal to the target's) passes, or the target does not
     * name that part. Language and the other version comparisons are not checked ({@code docs/formats/msi.md}).
     *
     * @param productCode    the product's code
     * @param productVersion its {@code ProductVersion}
     * @param upgradeCode    its {@code UpgradeCode}
     * @return whether the transform applies to it
     */
    public boolean accepts(String productCode, String productVersion, String upgradeCode) {
        return check(VALIDATE_PRODUCT, this.productCode, productCode, Integer.MAX_VALUE)
                && check(VALIDATE_UPGRADE_CODE, this.upgradeCode, upgradeCode, Integer.MAX_VALUE)
                && check(VALIDATE_MAJOR_VERSION, this.productVersion, productVersion, 1)
                && check(VALIDATE_MINOR_VERSION, this.productVersion, productVersion, 2);
    }

    /** Unless the flag is set and the target names the part: equal, compared on the first {@code parts} fields. */
    private boolean check(int flag, Optional<String> wanted, String actual, int parts) {
        if ((validation & flag) == 0 || wanted.isEmpty()) {
            return true;
        }
        String have = actual == null ? "" : actual.trim();
        if (parts == Integer.MAX_VALUE) {
            return wanted.get().trim().equalsIgnoreCase(have);
        }
        String[] a = wanted.get().trim().split("\\.", -1);
        String[] b = have.split("\\.", -1);
        for (int i = 0; i < parts; i++) {
            String x = i < a.length ? a[i] : "";
            String y = i < b.length ? b[i] : "";
            if (!x.equalsIgnoreCase(y)) {
                return false;
            }
        }
        return true;
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
