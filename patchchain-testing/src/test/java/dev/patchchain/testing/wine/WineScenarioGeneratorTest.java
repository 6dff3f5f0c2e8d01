package dev.patchchain.testing.wine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchchain.core.path.WinPath;
import dev.patchchain.testing.Seeds;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The Wine oracle's scenarios are reproducible from (seed, number), stay in their directory and cover every step. */
class WineScenarioGeneratorTest {

    @Test
    void aScenarioIsReproducibleAndStaysInItsDirectory() {
        long seed = Seeds.seed("wine scenario generator");
        Set<HelperStep.Kind> kinds = EnumSet.noneOf(HelperStep.Kind.class);
        for (int n = 0; n < 500; n++) {
            WineScenario s = WineScenarioGenerator.generate(seed, n);
            assertThat(WineScenarioGenerator.generate(seed, n)).as("seed " + seed + ", #" + n).isEqualTo(s);
            assertThat(s.root()).isEqualTo(WinPath.parse("C:\\s\\" + n));
            for (HelperStep step : s.steps()) {
                kinds.add(step.kind());
                assertThat(s.root().contains(WinPath.parse(step.path()))).as(s + "\n" + step).isTrue();
                if (!step.other().isEmpty()) {
                    assertThat(s.root().contains(WinPath.parse(step.other()))).as(s + "\n" + step).isTrue();
                }
            }
        }
        assertThat(kinds).containsExactlyInAnyOrder(HelperStep.Kind.values());
    }

    @Test
    void queuedStringsAreWhatMoveFileExWrites() {
        assertThat(HelperStep.rename("C:\\s\\1\\a.tmp", "C:\\s\\1\\a.dll", false).queuedStrings())
                .containsExactly("\\??\\C:\\s\\1\\a.tmp", "\\??\\C:\\s\\1\\a.dll");
        assertThat(HelperStep.rename("C:\\s\\1\\a.tmp", "C:\\s\\1\\a.dll", true).queuedStrings())
                .containsExactly("\\??\\C:\\s\\1\\a.tmp", "!\\??\\C:\\s\\1\\a.dll");
        assertThat(HelperStep.delete("C:\\s\\1\\a.tmp").queuedStrings()).containsExactly("\\??\\C:\\s\\1\\a.tmp", "");
        assertThat(HelperStep.mkdir("C:\\s\\1").queues()).isFalse();
    }

    @Test
    void scriptLinesAreTabSeparated() {
        assertThat(HelperStep.file("C:\\s\\1\\a.dll", WineScenarioGenerator.VERSIONS.get(0)).line(v -> "Z:\\pe\\" + v + ".dll"))
                .isEqualTo("file\tC:\\s\\1\\a.dll\tZ:\\pe\\0.1.0.0.dll");
        assertThat(HelperStep.rename("C:\\a", "C:\\b", true).line(v -> "")).isEqualTo("rename!\tC:\\a\tC:\\b");
        assertThat(HelperStep.delete("C:\\a").line(v -> "")).isEqualTo("delete\tC:\\a");
    }
}
