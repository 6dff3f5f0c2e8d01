/**
 * QChain, rebuilt: {@link dev.patchchain.core.chain.Chainer} rewrites a pending queue so that the newest version of
 * every file wins, and explains each change.
 */
package dev.patchchain.core.chain;
