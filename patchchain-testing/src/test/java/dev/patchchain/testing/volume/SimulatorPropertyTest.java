package dev.patchchain.testing.volume;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchchain.core.boot.BootResult;
import dev.patchchain.core.boot.BootRules;
import dev.patchchain.core.boot.BootSimulator;
import dev.patchchain.core.boot.OperationOutcome;
import dev.patchchain.core.path.WinPath;
import dev.patchchain.core.queue.PendingOperation;
import dev.patchchain.core.volume.InMemoryVolume;
import dev.patchchain.core.volume.PathState;
import dev.patchchain.testing.Seeds;
import dev.patchchain.testing.queue.RandomScenario;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The simulator's copy-on-write overlay against a second, naive implementation: apply each applied outcome to a
 * mutable {@link InMemoryVolume} copy and compare the two final trees path by path.
 */
class SimulatorPropertyTest {

    @Test
    void overlayAgreesWithAMutableCopy() {
        long seed = Seeds.seed("simulator overlay");
        Random random = new Random(seed);
        for (int n = 0; n < 3000; n++) {
            RandomScenario s = RandomScenario.generate(random, 1 + random.nextInt(20));
            BootResult result = new BootSimulator(BootRules.WINDOWS).run(s.queue(), s.volume());
            InMemoryVolume copy = InMemoryVolume.copyOf(s.volume(), List.of(WinPath.parse("C:\\")));
            for (OperationOutcome o : result.outcomes()) {
                if (!o.status().applied()) {
                    continue;
                }
                if (o.operation() instanceof PendingOperation.Rename r && !r.source().equals(r.target())) {
                    PathState moved = copy.stat(r.source());
                    copy.remove(r.target());
                    copy.remove(r.source());
                    copy.putFile(r.target(), ((PathState.File) moved).facts());
                } else if (o.operation() instanceof PendingOperation.Delete d) {
                    copy.remove(d.source());
                }
            }
            InMemoryVolume simulated = InMemoryVolume.copyOf(result.after(), List.of(WinPath.parse("C:\\")));
            Map<WinPath, PathState> expected = copy.snapshot();
            assertThat(simulated.snapshot()).as("seed %d, queue #%d: %s", seed, n, s).isEqualTo(expected);
        }
    }
}
