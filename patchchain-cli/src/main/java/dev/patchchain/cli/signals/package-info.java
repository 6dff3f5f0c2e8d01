/** {@code patchchain signals}: why a reboot is pending, read from a machine's SYSTEM and SOFTWARE hives. */
package dev.patchchain.cli.signals;
