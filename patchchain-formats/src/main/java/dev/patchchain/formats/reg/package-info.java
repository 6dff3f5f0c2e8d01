/**
 * {@code .reg} files: {@link dev.patchchain.formats.reg.RegFileReader} and
 * {@link dev.patchchain.formats.reg.RegFileWriter} between bytes and {@link dev.patchchain.formats.reg.RegFile},
 * and {@link dev.patchchain.formats.reg.QueueRegistryView} between a {@code RegFile} and the pending queue.
 * The accepted syntax, the encodings and regedit's wrap rule are in {@code docs/formats/reg.md}.
 */
package dev.patchchain.formats.reg;
