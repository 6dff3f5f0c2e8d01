package dev.patchchain.platform.image;

import dev.patchchain.core.path.WinPath;
import dev.patchchain.formats.authenticode.CatalogIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The security catalogs of a Windows image: {@code Windows\System32\CatRoot\{F750E6C3-38EE-11D1-85E5-00C04FC295EE}},
 * the catalog database of the system component (driver and OS files), found case-insensitively.
 *
 * <pre>{@code
 * CatalogIndex catalogs = CatRoot.index(ImageVolume.open(root, 'C', new PeFileInspector()));
 * ImageVolume image = ImageVolume.open(root, 'C', PeFileInspector.withSignatures(TrustStore.none(), catalogs));
 * }</pre>
 */
public final class CatRoot {

    /** The system catalog database, below the system drive's root. */
    public static final String SYSTEM_CATALOGS = "Windows\\System32\\CatRoot\\{F750E6C3-38EE-11D1-85E5-00C04FC295EE}";

    private CatRoot() {
    }

    /**
     * @param image a mounted image
     * @return the index of its system catalogs; empty if the image has none
     * @throws IOException if the catalog directory cannot be listed
     */
    public static CatalogIndex index(ImageVolume image) throws IOException {
        Path directory = image.resolve(WinPath.parse(image.drive() + ":\\" + SYSTEM_CATALOGS));
        return directory != null && Files.isDirectory(directory) ? CatalogIndex.load(directory)
                : CatalogIndex.of(List.of());
    }
}
