package dev.patchchain.formats.msi;

import java.util.List;
import java.util.Map;

/**
 * A Windows Installer patch ({@code .msp}) as its summary and own tables describe it
 * ({@code docs/formats/msi.md#patches}).
 *
 * @param source             the file
 * @param patchCode          the patch's code (summary revision number, first GUID), upper case with braces
 * @param supersedes         the patch codes it supersedes (the revision number's further GUIDs)
 * @param targetProductCodes the product codes it applies to (summary template)
 * @param transforms         its transform substorages in the order they apply (summary last-saved-by, without
 *                           the {@code :}), e.g. {@code [T1, #T1]}
 * @param title              the summary title, or empty
 * @param metadata           {@code MsiPatchMetadata}'s properties without a company ({@code DisplayName},
 *                           {@code Classification}, {@code KBArticle Number}, ...), empty for an older patch
 */
public record MsiPatch(String source, String patchCode, List<String> supersedes, List<String> targetProductCodes,
                       List<String> transforms, String title, Map<String, String> metadata) {

    /** Copies the collections. */
    public MsiPatch {
        supersedes = List.copyOf(supersedes);
        targetProductCodes = List.copyOf(targetProductCodes);
        transforms = List.copyOf(transforms);
        metadata = Map.copyOf(metadata);
    }

    /** @return how to name it: its {@code DisplayName}, else its title, else its code */
    public String displayName() {
        String name = metadata.getOrDefault("DisplayName", "");
        if (!name.isBlank()) {
            return name;
        }
        return title.isBlank() ? patchCode : title;
    }

    /**
     * @param productCode a product code, e.g. {@code {12345678-...}}
     * @return whether the patch names it as a target (case-insensitively)
     */
    public boolean targets(String productCode) {
        return targetProductCodes.stream().anyMatch(c -> c.equalsIgnoreCase(productCode.trim()));
    }
}
