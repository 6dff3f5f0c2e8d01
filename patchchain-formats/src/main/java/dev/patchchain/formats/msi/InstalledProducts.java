package dev.patchchain.formats.msi;

import dev.patchchain.core.registry.RegistryValue;
import dev.patchchain.core.registry.RegistryView;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The products Windows Installer installed on a machine, from its SOFTWARE hive
 * ({@code docs/formats/msi.md#installed-products}): under
 * {@code Microsoft\Windows\CurrentVersion\Installer\UserData\<SID>\Products\<packed code>\InstallProperties}, the
 * value {@code LocalPackage} names the package the installer cached (in {@code %WINDIR%\Installer}), the database a
 * patch for that product is applied to.
 *
 * <pre>{@code
 * InstalledProducts.localPackage(software, "{12345678-1234-1234-1234-123456789012}");  // C:\Windows\Installer\4f2a1.msi
 * }</pre>
 */
public final class InstalledProducts {

    static final String USER_DATA = "Microsoft\\Windows\\CurrentVersion\\Installer\\UserData";
    /** Per-machine installations are recorded under the LocalSystem SID; they are looked at first. */
    static final String LOCAL_SYSTEM = "S-1-5-18";
    private static final int GUID_HEX = 32;

    private InstalledProducts() {
    }

    /**
     * @param software    a SOFTWARE hive
     * @param productCode a product code, {@code {XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}}
     * @return the Windows path of its cached package, per machine first, then per user; empty if not installed
     */
    public static Optional<String> localPackage(RegistryView software, String productCode) {
        Optional<String> packed = packed(productCode);
        if (packed.isEmpty()) {
            return Optional.empty();
        }
        List<String> sids = new ArrayList<>(List.of(LOCAL_SYSTEM));
        software.subkeys(USER_DATA).stream().filter(s -> !s.equalsIgnoreCase(LOCAL_SYSTEM)).forEach(sids::add);
        for (String sid : sids) {
            String key = USER_DATA + "\\" + sid + "\\Products\\" + packed.get() + "\\InstallProperties";
            Optional<String> path = software.value(key, "LocalPackage").map(RegistryValue::string)
                    .filter(s -> !s.isBlank());
            if (path.isPresent()) {
                return path;
            }
        }
        return Optional.empty();
    }

    /**
     * The registry's "packed" form of a GUID: the first three groups reversed, each byte of the last two swapped
     * ({@code {90120000-0030-0000-0000-0000000FF1CE}} → {@code 00002109030000000000000000F01FEC}).
     *
     * @param guid a GUID with braces and dashes
     * @return its packed form, or empty if it is not a GUID
     */
    static Optional<String> packed(String guid) {
        String hex = guid.trim().replace("{", "").replace("}", "").replace("-", "").toUpperCase(Locale.ROOT);
        if (hex.length() != GUID_HEX || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder(GUID_HEX);
        out.append(new StringBuilder(hex.substring(0, 8)).reverse());
        out.append(new StringBuilder(hex.substring(8, 12)).reverse());
        out.append(new StringBuilder(hex.substring(12, 16)).reverse());
        for (int i = 16; i < GUID_HEX; i += 2) {
            out.append(hex.charAt(i + 1)).append(hex.charAt(i));
        }
        return Optional.of(out.toString());
    }
}
