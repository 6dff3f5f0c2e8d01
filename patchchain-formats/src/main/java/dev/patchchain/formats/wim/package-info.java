/**
 * Windows Imaging files (WIM, {@code docs/formats/wim.md}), as Windows 10/11 express update packages carry them
 * inside an {@code .msu}: header, blob table, an image's directory tree and its files' bytes, stored, XPRESS or LZX
 * compressed, each checked against its SHA-1.
 *
 * <p>Entry points: {@link dev.patchchain.formats.wim.WimReader} (our reader) and
 * {@link dev.patchchain.formats.wim.ExternalWimTool} (an optional external extractor, {@code wimlib-imagex}, for
 * what the reader does not decode: LZMS and solid resources).
 */
package dev.patchchain.formats.wim;
