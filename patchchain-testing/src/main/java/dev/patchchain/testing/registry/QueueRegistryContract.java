package dev.patchchain.testing.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.patchchain.core.queue.MultiSz;
import dev.patchchain.core.registry.ConcurrentChangeException;
import dev.patchchain.core.registry.QueueRegistry;
import dev.patchchain.core.registry.QueueState;
import dev.patchchain.core.registry.QueueValues;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link QueueRegistry} passes: the in-memory fake, the offline hive adapter and the live
 * Windows registry run these same tests. A subclass returns a registry whose two queue values hold the given
 * bytes ({@code null}: absent). Another writer is played by an unconditional compare-and-swap from what is there.
 */
public abstract class QueueRegistryContract {

    /** A two-entry queue in the first value. */
    protected static final byte[] FIRST = MultiSz.of(List.of("\\??\\C:\\Windows\\Temp\\a.dll",
            "!\\??\\C:\\Windows\\System32\\a.dll")).encode();
    /** A delete in the second value. */
    protected static final byte[] SECOND = MultiSz.of(List.of("\\??\\C:\\Windows\\Temp\\old.dll", "")).encode();
    /** Bytes no writer would produce (odd length, no terminator): must round-trip as they are. */
    protected static final byte[] ODD = {0x5c, 0x00, 0x3f, 0x00, 0x3f};

    /**
     * @param initial what the two values hold
     * @return a registry holding exactly that
     * @throws Exception if the fixture cannot be built
     */
    protected abstract QueueRegistry create(QueueValues initial) throws Exception;

    @Test
    void readsExactBytesAndAbsence() throws Exception {
        QueueRegistry registry = create(QueueValues.of(FIRST, null));

        QueueState state = registry.read();

        assertThat(state.values()).isEqualTo(QueueValues.of(FIRST, null));
        assertThat(registry.location()).isNotBlank();
    }

    @Test
    void oddBytesRoundTrip() throws Exception {
        QueueRegistry registry = create(QueueValues.of(ODD, SECOND));

        assertThat(registry.read().values()).isEqualTo(QueueValues.of(ODD, SECOND));
    }

    @Test
    void compareAndSwapReplacesBothValues() throws Exception {
        QueueRegistry registry = create(QueueValues.of(FIRST, SECOND));

        registry.compareAndSwap(QueueValues.of(FIRST, SECOND), QueueValues.of(SECOND, FIRST));

        assertThat(registry.read().values()).isEqualTo(QueueValues.of(SECOND, FIRST));
    }

    @Test
    void compareAndSwapCreatesAndDeletesValues() throws Exception {
        QueueRegistry registry = create(QueueValues.of(FIRST, null));

        registry.compareAndSwap(QueueValues.of(FIRST, null), QueueValues.of(null, SECOND));
        assertThat(registry.read().values()).isEqualTo(QueueValues.of(null, SECOND));

        registry.compareAndSwap(QueueValues.of(null, SECOND), QueueValues.ABSENT);
        assertThat(registry.read().values()).isEqualTo(QueueValues.ABSENT);
    }

    @Test
    void emptyValueIsNotAbsent() throws Exception {
        QueueRegistry registry = create(QueueValues.of(FIRST, null));

        registry.compareAndSwap(QueueValues.of(FIRST, null), QueueValues.of(new byte[0], null));

        assertThat(registry.read().values()).isEqualTo(QueueValues.of(new byte[0], null));
    }

    @Test
    void compareAndSwapRefusesAValueChangedSinceItWasRead() throws Exception {
        QueueRegistry registry = create(QueueValues.of(FIRST, null));
        QueueValues read = registry.read().values();
        QueueValues appended = QueueValues.of(FIRST, SECOND);
        registry.compareAndSwap(registry.read().values(), appended); // another installer

        assertThatThrownBy(() -> registry.compareAndSwap(read, QueueValues.ABSENT))
                .isInstanceOf(ConcurrentChangeException.class).hasMessageContaining("changed since it was read");
        assertThat(registry.read().values()).isEqualTo(appended);
    }

    @Test
    void compareAndSwapToTheSameValuesChangesNothing() throws Exception {
        QueueRegistry registry = create(QueueValues.of(FIRST, SECOND));

        registry.compareAndSwap(QueueValues.of(FIRST, SECOND), QueueValues.of(FIRST, SECOND));

        assertThat(registry.read().values()).isEqualTo(QueueValues.of(FIRST, SECOND));
    }
}
