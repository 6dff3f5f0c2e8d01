/**
 * Readers and writers of the formats patchchain takes from the outside world. Every reader treats its input as
 * untrusted and fails with a {@link dev.patchchain.formats.FormatException} that names the input and the offset.
 */
package dev.patchchain.formats;
