/** {@code patchchain demo}: the classic lost-update case, built from scratch and fixed, end to end. */
package dev.patchchain.cli.demo;
