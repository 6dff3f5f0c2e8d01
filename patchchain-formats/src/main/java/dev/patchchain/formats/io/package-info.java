/**
 * Shared reading primitives: {@link dev.patchchain.formats.io.LeReader} for every binary parser and
 * {@link dev.patchchain.formats.io.TextInput} (encoding detection and line splitting) for every text parser.
 */
package dev.patchchain.formats.io;
