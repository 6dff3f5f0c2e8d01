/**
 * Signing for tests: {@link dev.patchchain.testing.sign.TestPki} makes a throw-away CA, code-signing and TSA
 * certificate; {@link dev.patchchain.testing.sign.Osslsigncode} signs PE files with it and is the Authenticode
 * hash oracle.
 */
package dev.patchchain.testing.sign;
