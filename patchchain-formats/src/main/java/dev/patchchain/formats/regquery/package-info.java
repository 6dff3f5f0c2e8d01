/**
 * The text output of {@code reg query}: {@link dev.patchchain.formats.regquery.RegQueryParser} turns a capture of
 * the Session Manager key into the pending queue.
 */
package dev.patchchain.formats.regquery;
