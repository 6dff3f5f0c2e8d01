/** Generators of random but realistic queues and volumes for property tests: {@link dev.patchchain.testing.queue.RandomScenario}. */
package dev.patchchain.testing.queue;
