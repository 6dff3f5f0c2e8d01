/**
 * The pending rename queue: {@link dev.patchchain.core.queue.PendingQueue} decodes the two registry values
 * (REG_MULTI_SZ, UTF-16LE) into {@link dev.patchchain.core.queue.PendingOperation}s and encodes them back byte
 * for byte.
 */
package dev.patchchain.core.queue;
