/**
 * Cabinet files (MS-CAB, {@code docs/formats/cab.md}) and the servicing packages built on them ({@code .msu}: an
 * outer cabinet holding an inner one with {@code update.mum}, or, for Windows 10/11 express packages, a WIM read by
 * {@link dev.patchchain.formats.wim.WimReader} beside a {@code .psf}).
 *
 * <p>Entry points: {@link dev.patchchain.formats.cab.CabReader} (a cabinet's entries and, on request, their bytes:
 * stored, MSZIP, LZX ({@link dev.patchchain.formats.lzx.LzxDecoder}) and Quantum folders, every data block's
 * checksum checked) and
 * {@link dev.patchchain.formats.cab.ServicingPackageReader} (a {@code .msu} or servicing {@code .cab} as a core
 * {@link dev.patchchain.core.plan.UpdatePackage}).
 */
package dev.patchchain.formats.cab;
