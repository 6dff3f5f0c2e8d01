/** {@code patchchain hive}: offline registry hive files (export to .reg, read a key or value). */
package dev.patchchain.cli.hive;
