/**
 * patchchain's own JSON documents: the queue document ({@code docs/formats/json-queue.md}), read and written by
 * {@link dev.patchchain.formats.json.JsonQueueFormat} into a {@link dev.patchchain.formats.json.JsonQueueDocument},
 * and the package manifest ({@code docs/formats/package-manifest.md}), read by
 * {@link dev.patchchain.formats.json.PackageManifestFormat} into a {@link dev.patchchain.formats.json.PackageManifest}.
 */
package dev.patchchain.formats.json;
