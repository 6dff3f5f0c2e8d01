/**
 * The command line: {@link dev.patchchain.cli.Main} runs {@code patchchain} commands; {@link dev.patchchain.cli.ExitCode}
 * is the exit-code table every command shares.
 */
package dev.patchchain.cli;
