package dev.patchchain.core.analysis;

import dev.patchchain.core.path.WinPath;
import java.util.List;
import java.util.Optional;

/**
 * Sorts queue paths into {@link Attribution} classes by an ordered list of rules: the first matching rule wins,
 * a path no rule matches is {@link Attribution#UNKNOWN}. The rules are read from a data file by the formats module
 * ({@code AttributionRulesReader}); the core only applies them.
 *
 * <pre>{@code
 * AttributionRules rules = AttributionRules.of(List.of(new AttributionRule(Attribution.WINDOWS_INSTALLER,
 *         "rollback files", Pattern.compile("^[A-Z]:\\\\CONFIG\\.MSI\\\\"))));
 * rules.attribute(WinPath.parse("C:\\Config.Msi\\1.rbf"));   // WINDOWS_INSTALLER
 * }</pre>
 */
public final class AttributionRules {

    private final List<AttributionRule> rules;

    private AttributionRules(List<AttributionRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /**
     * @param rules the rules, in priority order
     * @return the rule set
     */
    public static AttributionRules of(List<AttributionRule> rules) {
        return new AttributionRules(rules);
    }

    /**
     * @param path a queued path, or null (an entry without a parseable path)
     * @return the first rule matching it, if any
     */
    public Optional<AttributionRule> match(WinPath path) {
        if (path == null) {
            return Optional.empty();
        }
        return rules.stream().filter(r -> r.matches(path)).findFirst();
    }

    /**
     * @param path a queued path, or null
     * @return the class of the first matching rule, or {@link Attribution#UNKNOWN}
     */
    public Attribution attribute(WinPath path) {
        return match(path).map(AttributionRule::attribution).orElse(Attribution.UNKNOWN);
    }
}
