/**
 * PE images (EXE, DLL, SYS): {@link dev.patchchain.formats.pe.PeVersionReader} reads the version resource into a
 * {@link dev.patchchain.formats.pe.PeVersionInfo}; {@link dev.patchchain.formats.pe.PeBuilder} writes small valid
 * images with a chosen version resource, for tests and demos; {@link dev.patchchain.formats.pe.PeLayout} locates what
 * an Authenticode hash leaves out.
 */
package dev.patchchain.formats.pe;
