package dev.patchchain.testing.queue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchchain.core.analysis.AnalysisResult;
import dev.patchchain.core.analysis.Finding;
import dev.patchchain.core.analysis.FindingCode;
import dev.patchchain.core.analysis.QueueAnalysis;
import dev.patchchain.core.analysis.TargetGroup;
import dev.patchchain.core.boot.BootResult;
import dev.patchchain.core.boot.BootRules;
import dev.patchchain.core.boot.OperationOutcome;
import dev.patchchain.core.boot.OutcomeStatus;
import dev.patchchain.core.chain.ChainChange;
import dev.patchchain.core.chain.ChainResult;
import dev.patchchain.core.chain.Chainer;
import dev.patchchain.core.path.PathContext;
import dev.patchchain.core.path.WinPath;
import dev.patchchain.core.queue.PendingQueue;
import dev.patchchain.core.queue.QueueValueName;
import dev.patchchain.core.version.FileVersion;
import dev.patchchain.core.volume.FileFacts;
import dev.patchchain.core.volume.PathState;
import dev.patchchain.testing.Seeds;
import java.util.HashSet;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Properties of the chainer over thousands of random queues on random volumes (seed printed; replay with
 * {@code -Dpatchchain.seed=N}): no downgrade survives on a chained target, the newest version wins, chaining is
 * idempotent, never lengthens the queue and leaves every other entry as it was.
 */
class ChainerPropertyTest {

    private static final int QUEUES = 4000;
    private final Chainer chainer = new Chainer(BootRules.WINDOWS);

    @Test
    void chainedQueuesHaveNoDowngradeAndAreStable() {
        long seed = Seeds.seed("chainer properties");
        Random random = new Random(seed);
        int chainedTargetsWithRivals = 0;
        int downgradesFixed = 0;
        for (int n = 0; n < QUEUES; n++) {
            RandomScenario s = RandomScenario.generate(random, 1 + random.nextInt(14));
            String context = "seed " + seed + ", queue #" + n + ": " + s;
            ChainResult result = chainer.chain(s.queue(), s.volume());
            PendingQueue chained = result.chained();

            // never longer; unrelated entries unchanged at their index
            assertThat(chained.operations()).as(context).hasSameSizeAs(s.queue().operations());
            Set<Integer> changed = new HashSet<>();
            result.changes().stream().map(ChainChange::index).forEach(changed::add);
            for (int i = 0; i < chained.operations().size(); i++) {
                if (!changed.contains(i)) {
                    assertThat(chained.operations().get(i)).as(context + " op #" + i).isEqualTo(s.queue().operations().get(i));
                }
            }

            // idempotent
            ChainResult again = chainer.chain(chained, s.volume());
            assertThat(again.changes()).as(context + " (second pass)").isEmpty();

            // the chained bytes decode back to the chained operations
            PendingQueue reread = PendingQueue.decode(
                    chained.encode(QueueValueName.PENDING_FILE_RENAME_OPERATIONS).orElse(null),
                    chained.encode(QueueValueName.PENDING_FILE_RENAME_OPERATIONS_2).orElse(null), PathContext.DEFAULT);
            assertThat(reread.operations()).as(context).hasSameSizeAs(chained.operations());

            AnalysisResult before = QueueAnalysis.analyze(s.queue(), s.volume(), BootRules.WINDOWS);
            AnalysisResult after = QueueAnalysis.analyze(chained, s.volume(), BootRules.WINDOWS);
            Set<WinPath> chainedTargets = new HashSet<>();
            result.chainedTargets().stream().map(TargetGroup::target).forEach(chainedTargets::add);
            for (Finding f : after.findings(FindingCode.DOWNGRADE)) {
                assertThat(chainedTargets).as(context + ": downgrade left on a chained target: " + f.message())
                        .doesNotContain(f.paths().get(0));
            }
            for (TargetGroup group : result.chainedTargets()) {
                Optional<FileVersion> expected = newest(group, before.boot(), s);
                PathState end = after.boot().after().stat(group.target());
                if (expected.isPresent()) {
                    assertThat(end).as(context + " target " + group.target()).isInstanceOf(PathState.File.class);
                    assertThat(((PathState.File) end).facts().version()).as(context + " target " + group.target()).isEqualTo(expected);
                }
                if (group.renames().size() > 1) {
                    chainedTargetsWithRivals++;
                }
            }
            downgradesFixed += before.findings(FindingCode.DOWNGRADE).size() - after.findings(FindingCode.DOWNGRADE).size();
        }
        System.out.println("[chainer properties] chained targets with rivals: " + chainedTargetsWithRivals
                + ", downgrades fixed: " + downgradesFixed);
        assertThat(chainedTargetsWithRivals).as("the generator must exercise the interesting case").isGreaterThan(QUEUES / 4);
        assertThat(downgradesFixed).isGreaterThan(QUEUES / 10);
    }

    /** The max of the version on disk now and every staged version that could reach the target. */
    private static Optional<FileVersion> newest(TargetGroup group, BootResult boot, RandomScenario s) {
        Optional<FileVersion> best = Optional.empty();
        if (s.volume().stat(group.target()) instanceof PathState.File f) {
            best = f.facts().version();
        }
        for (int index : group.renames()) {
            OperationOutcome o = boot.outcomes().get(index);
            if (o.status() != OutcomeStatus.APPLIED && o.status() != OutcomeStatus.TARGET_EXISTS) {
                continue;
            }
            Optional<FileVersion> v = o.moved().flatMap(FileFacts::version);
            if (v.isPresent() && (best.isEmpty() || v.get().compareTo(best.get()) > 0)) {
                best = v;
            }
        }
        return best;
    }
}
