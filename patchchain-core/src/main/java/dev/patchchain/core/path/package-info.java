/**
 * Windows paths as a value type: {@link dev.patchchain.core.path.WinPath} parses every spelling a pending
 * queue or an admin uses, compares case-insensitively and refuses anything that could leave a root.
 */
package dev.patchchain.core.path;
