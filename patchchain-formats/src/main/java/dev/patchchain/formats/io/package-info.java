/** Bounds-checked binary reading shared by every binary parser: {@link dev.patchchain.formats.io.LeReader}. */
package dev.patchchain.formats.io;
