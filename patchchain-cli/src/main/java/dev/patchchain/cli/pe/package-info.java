/** {@code patchchain file-version}: PE version resources of files and directory trees. */
package dev.patchchain.cli.pe;
