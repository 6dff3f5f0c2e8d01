package dev.patchchain.cli.queue;

import dev.patchchain.core.boot.BootRules;

/** {@code --rules windows|wine}: the implementation whose boot is simulated. */
public enum RulesOption {
    /** The Windows session manager. */
    WINDOWS(BootRules.WINDOWS),
    /** Wine's wineboot. */
    WINE(BootRules.WINE);

    private final BootRules rules;

    RulesOption(BootRules rules) {
        this.rules = rules;
    }

    /** @return the rules */
    public BootRules rules() {
        return rules;
    }
}
