/**
 * {@code patchchain verify}: Qfecheck for today's Windows, pending-aware. The command reads the catalog, the
 * installed-update captures, the image and the optional queue, runs
 * {@link dev.patchchain.core.verify.Verifier} and renders its report as text, JSON or CSV.
 */
package dev.patchchain.cli.verify;
