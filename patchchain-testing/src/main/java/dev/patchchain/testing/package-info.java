/**
 * Test support shared by every module: the real-data {@link dev.patchchain.testing.Corpus}, seeds for property
 * tests ({@link dev.patchchain.testing.Seeds}), generators of random queues and volumes, and contract suites.
 */
package dev.patchchain.testing;
