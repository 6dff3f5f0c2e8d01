package dev.patchchain.core.plan;

import java.util.Objects;

/**
 * A registry change component servicing will make at the next boot ({@code WinSxS\pending.xml}), as evidence of a
 * value the machine already has pending. The planner lists it as a conflict with a package that writes the same
 * value; it does not simulate it.
 *
 * <pre>{@code
 * new ServicingValue("\\Registry\\Machine\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\RunOnce", "Setup",
 *         "sets", "WinSxS\\pending.xml[4]");
 * }</pre>
 *
 * @param key       the key as written, e.g. {@code \Registry\Machine\SOFTWARE\...} or {@code HKLM\SOFTWARE\...}
 * @param valueName the value, or {@code null} when the whole key is deleted
 * @param action    what servicing does: {@code sets}, {@code deletes}, {@code deletes the key of}
 * @param evidence  where it is written, e.g. {@code WinSxS\pending.xml[4] (line 12)}
 */
public record ServicingValue(String key, String valueName, String action, String evidence) {

    /** Checks the components. */
    public ServicingValue {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(evidence, "evidence");
    }
}
