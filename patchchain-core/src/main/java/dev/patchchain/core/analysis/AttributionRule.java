package dev.patchchain.core.analysis;

import dev.patchchain.core.path.WinPath;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One line of the attribution rules: paths matching {@code pattern} (searched in the canonical, upper-case form
 * of the path) belong to {@code attribution}.
 *
 * <pre>{@code
 * new AttributionRule(Attribution.ANTIVIRUS, "Windows Defender", Pattern.compile("\\\\WINDOWS DEFENDER\\\\"));
 * }</pre>
 *
 * @param attribution the class
 * @param label       what the rule recognizes, e.g. {@code "Windows Defender"}
 * @param pattern     the regex searched in {@link WinPath#canonical()}
 */
public record AttributionRule(Attribution attribution, String label, Pattern pattern) {

    /** Checks the components; {@link Attribution#UNKNOWN} is what no rule matches, not a rule's class. */
    public AttributionRule {
        Objects.requireNonNull(attribution, "attribution");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(pattern, "pattern");
        if (attribution == Attribution.UNKNOWN) {
            throw new IllegalArgumentException("a rule cannot attribute to 'unknown': it is what no rule matches");
        }
    }

    /**
     * @param path a queued path
     * @return true if the pattern is found in its canonical form
     */
    public boolean matches(WinPath path) {
        return pattern.matcher(path.canonical()).find();
    }
}
