/**
 * Test-side registry hive files: {@link dev.patchchain.testing.regf.RegfBuilder} writes small valid {@code regf}
 * hives from a list of keys and values, and {@link dev.patchchain.testing.regf.RegfLogBuilder} the transaction logs
 * between two versions of one, so hive and log replay tests need no third-party files.
 */
package dev.patchchain.testing.regf;
