package dev.patchchain.core.verify;

/**
 * The component store's manifests, read on demand: the platform reads {@code WinSxS\Manifests} of an image.
 *
 * <pre>{@code
 * ComponentManifests none = dir -> new StoreManifest.Unreadable("no manifests");
 * }</pre>
 */
@FunctionalInterface
public interface ComponentManifests {

    /**
     * @param directory a component directory
     * @return what its manifest says
     */
    StoreManifest manifest(WinSxsName directory);
}
