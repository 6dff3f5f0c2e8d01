package dev.patchchain.formats.msi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchchain.core.registry.RegistryValue;
import dev.patchchain.core.registry.RegistryView;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The packed product code and the cached package, per machine before per user. */
class InstalledProductsTest {

    private static final String CODE = "{90120000-0030-0000-0000-0000000FF1CE}";
    private static final String PACKED = "00002109030000000000000000F01FEC";

    @Test
    void packsAGuidAsTheInstallerRegistryDoes() {
        // Office 2007's product code and its packed form as it appears under Installer\Products on real machines
        assertThat(InstalledProducts.packed(CODE)).hasValue(PACKED);
        assertThat(InstalledProducts.packed(CODE.toLowerCase())).hasValue(PACKED);
        assertThat(InstalledProducts.packed("{not-a-guid}")).isEmpty();
        assertThat(InstalledProducts.packed("{90120000-0030-0000-0000-0000000FF1CG}")).isEmpty();
    }

    @Test
    void findsTheCachedPackagePerMachineFirst() {
        String base = InstalledProducts.USER_DATA + "\\";
        String tail = "\\Products\\" + PACKED + "\\InstallProperties";
        RegistryView software = view(Map.of(
                base + "S-1-5-21-1-2-3-1001" + tail, "C:\\Windows\\Installer\\user.msi",
                base + "S-1-5-18" + tail, "C:\\Windows\\Installer\\4f2a1.msi"),
                List.of("S-1-5-21-1-2-3-1001", "S-1-5-18"));
        assertThat(InstalledProducts.localPackage(software, CODE)).hasValue("C:\\Windows\\Installer\\4f2a1.msi");

        RegistryView perUser = view(Map.of(base + "S-1-5-21-1-2-3-1001" + tail, "C:\\Windows\\Installer\\user.msi"),
                List.of("S-1-5-21-1-2-3-1001"));
        assertThat(InstalledProducts.localPackage(perUser, CODE)).hasValue("C:\\Windows\\Installer\\user.msi");
        assertThat(InstalledProducts.localPackage(perUser, "{12345678-1234-1234-1234-123456789012}")).isEmpty();
    }

    /** LocalPackage values by key path; the SIDs under UserData. */
    private static RegistryView view(Map<String, String> localPackages, List<String> sids) {
        return new RegistryView() {
            @Override
            public boolean keyExists(String path) {
                return localPackages.keySet().stream().anyMatch(k -> k.equalsIgnoreCase(path));
            }

            @Override
            public List<String> subkeys(String path) {
                return path.equalsIgnoreCase(InstalledProducts.USER_DATA) ? sids : List.of();
            }

            @Override
            public Optional<RegistryValue> value(String path, String name) {
                return localPackages.entrySet().stream()
                        .filter(e -> e.getKey().equalsIgnoreCase(path) && name.equals("LocalPackage")).findFirst()
                        .map(e -> new RegistryValue(1, (e.getValue() + "\0").getBytes(StandardCharsets.UTF_16LE)));
            }

            @Override
            public Optional<Instant> lastWritten(String path) {
                return Optional.empty();
            }
        };
    }
}
