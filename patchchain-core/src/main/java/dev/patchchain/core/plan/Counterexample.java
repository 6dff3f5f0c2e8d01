package dev.patchchain.core.plan;

import java.util.List;

/**
 * A shortest sequence of steps that ends differently from the reference, as numbered lines a person can follow:
 * {@code 1. KB2 (naive installer) reads C:\...\ntdll.dll: 0.1 on disk, will install 0.2} ... {@code 4. after the
 * reboot ntdll.dll is 0.2 < 0.3, the reference}.
 *
 * @param refuted what the counterexample disproves, e.g. {@code SAFE_PARALLEL}
 * @param subject the file or registry value that ends differently
 * @param steps   the numbered steps, the reboot and the difference
 */
public record Counterexample(Verdict refuted, String subject, List<String> steps) {

    /** Copies the steps. */
    public Counterexample {
        steps = List.copyOf(steps);
    }
}
