/**
 * Test-side registry hive files: {@link dev.patchchain.testing.regf.RegfBuilder} writes small valid {@code regf}
 * hives from a list of keys and values, so hive tests and torture runs need no third-party files.
 */
package dev.patchchain.testing.regf;
