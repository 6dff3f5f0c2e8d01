/**
 * The boot-time processor, simulated: {@link dev.patchchain.core.boot.BootSimulator} runs a queue against a
 * volume and reports, per operation, what Windows (or Wine) would do.
 */
package dev.patchchain.core.boot;
