package dev.patchchain.core.verify;

import java.util.Objects;
import java.util.Optional;

/**
 * One update an inventory says is installed, with what the inventory knows about it.
 *
 * <pre>{@code
 * new InstalledUpdate(UpdateId.parse("KB4462930"), "Update", Optional.of("3/2/2019"),
 *         Optional.of("NT AUTHORITY\\SYSTEM"), "wmic qfe");
 * }</pre>
 *
 * @param id          the update
 * @param description its type or title as the source gives it ({@code "Security Update"}), or empty
 * @param installedOn the install date as written by the source (formats vary by tool and locale), if known
 * @param installedBy the account that installed it, if known
 * @param source      which inventory said so ({@code "systeminfo"}, {@code "wmic qfe"}, {@code "Get-HotFix"}, ...)
 */
public record InstalledUpdate(UpdateId id, String description, Optional<String> installedOn,
                              Optional<String> installedBy, String source) {

    /** Checks the components. */
    public InstalledUpdate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(installedOn, "installedOn");
        Objects.requireNonNull(installedBy, "installedBy");
        Objects.requireNonNull(source, "source");
    }

    /**
     * @param id     the update
     * @param source which inventory said so
     * @return an entry with nothing known but the id
     */
    public static InstalledUpdate of(UpdateId id, String source) {
        return new InstalledUpdate(id, "", Optional.empty(), Optional.empty(), source);
    }
}
