/**
 * Authenticode signatures of PE files and Windows security catalogs, parsed with BouncyCastle:
 * {@link dev.patchchain.formats.authenticode.AuthenticodeVerifier} is the entry point (a file's inline signature,
 * or a {@link dev.patchchain.formats.authenticode.Catalog}'s own), giving a
 * {@link dev.patchchain.formats.authenticode.SignatureReport}; {@link dev.patchchain.formats.authenticode.CatalogIndex}
 * looks files up by their {@link dev.patchchain.formats.authenticode.AuthenticodeHash} in a set of catalogs.
 * docs/trust.md says what is verified and what is not.
 */
package dev.patchchain.formats.authenticode;
