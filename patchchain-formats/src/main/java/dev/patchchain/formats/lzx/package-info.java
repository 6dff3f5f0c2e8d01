/**
 * LZX decompression, for cabinet folders ({@code typeCompress} 3) and WIM resources. One entry point,
 * {@link dev.patchchain.formats.lzx.LzxDecoder}:
 *
 * <ul>
 *   <li>{@code LzxDecoder.forCab(windowBits)} makes the decoder of one cabinet folder (window 2^15..2^21, from bits
 *       8–12 of {@code typeCompress}); {@code decode(in, off, len, out, outOff, outLen, source, sourceOffset)}
 *       then expands one CFDATA block ({@code cbData} bytes to exactly {@code cbUncomp} ≤ 32 768), in folder
 *       order, the window, trees and repeated offsets carrying over;</li>
 *   <li>{@code LzxDecoder.decodeWimChunk(in, off, len, out, outOff, outLen, source, sourceOffset)} expands one WIM
 *       chunk (≤ 32 768 bytes) on its own: a fresh 32 KiB window, E8 translation always on with size 12 000 000,
 *       and WIM's block header (one bit: a 32 768-byte block, else a 16-bit size).</li>
 * </ul>
 *
 * <p>Bad input is a {@link dev.patchchain.formats.FormatException} ({@code CORRUPT}, the source and the offset of
 * the compressed byte where it was found); output never exceeds the size asked for, and work is bounded by it. The
 * bit stream, block header, trees and E8 translation are described in {@code docs/formats/cab.md#lzx}.
 */
package dev.patchchain.formats.lzx;
