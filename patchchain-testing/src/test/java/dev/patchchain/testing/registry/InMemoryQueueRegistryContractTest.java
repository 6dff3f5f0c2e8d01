package dev.patchchain.testing.registry;

import dev.patchchain.core.registry.InMemoryQueueRegistry;
import dev.patchchain.core.registry.QueueRegistry;
import dev.patchchain.core.registry.QueueValues;
import java.time.Instant;

/** The in-memory fake passes the registry contract. */
class InMemoryQueueRegistryContractTest extends QueueRegistryContract {

    @Override
    protected QueueRegistry create(QueueValues initial) {
        return new InMemoryQueueRegistry(initial, Instant.EPOCH);
    }
}
