/** {@code patchchain signature}: Authenticode and catalog signatures of PE files. */
package dev.patchchain.cli.sign;
