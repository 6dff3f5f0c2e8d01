package dev.patchchain.core.verify;

import dev.patchchain.core.registry.RegistryValue;
import dev.patchchain.core.registry.RegistryView;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The component-servicing packages of Vista and later:
 * {@code Microsoft\Windows\CurrentVersion\Component Based Servicing\Packages\<package>} with {@code CurrentState}
 * ({@link CbsPackageState}), {@code InstallTimeHigh}/{@code InstallTimeLow} (a FILETIME) and {@code InstallUser}
 * (a SID). An update's KB is read from the package name ({@code Package_for_KB4565511~31bf3856ad364e35~amd64~~...},
 * {@code Package_2_for_KB...}); packages without one (features, {@code RollupFix}) are not updates by KB and are
 * left out. Of several packages of one KB the most advanced state is kept.
 */
final class CbsPackages {

    static final String PACKAGES = "Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\Packages";
    static final String SOURCE = "CBS Packages";
    private static final Pattern KB = Pattern.compile("(?i)_for_(KB\\d+)[~_]");

    private record Best(String packageName, CbsPackageState state) {
    }

    private CbsPackages() {
    }

    static void read(RegistryView software, List<InstalledUpdate> installed, List<String> warnings) {
        Map<UpdateId, Best> best = new LinkedHashMap<>();
        for (String name : software.subkeys(PACKAGES)) {
            Matcher kb = KB.matcher(name);
            if (!kb.find()) {
                continue;
            }
            String key = PACKAGES + '\\' + name;
            Optional<Long> code = software.value(key, "CurrentState").flatMap(RegistryValue::dword);
            if (code.isEmpty()) {
                warnings.add("SOFTWARE\\" + key + ": no CurrentState DWORD, package skipped");
                continue;
            }
            Optional<CbsPackageState> state = CbsPackageState.of(code.get());
            if (state.isEmpty()) {
                warnings.add("SOFTWARE\\" + key + ": CurrentState 0x" + Long.toHexString(code.get())
                        + " is not a known state, package skipped");
                continue;
            }
            if (!state.get().countsAsInstalled()) {
                continue;
            }
            best.merge(UpdateId.parse(kb.group(1)), new Best(name, state.get()),
                    (a, b) -> b.state().code() > a.state().code() ? b : a);
        }
        best.forEach((id, b) -> {
            String key = PACKAGES + '\\' + b.packageName();
            installed.add(new InstalledUpdate(id, "package " + b.packageName() + ": " + b.state().label(),
                    installTime(software, key).map(Instant::toString),
                    software.value(key, "InstallUser").map(RegistryValue::string).filter(s -> !s.isBlank()),
                    SOURCE));
        });
    }

    /**
     * Every package's state by its key name, lower-cased (the key of a {@code .mum} file's name without the
     * extension); a package without a known {@code CurrentState} is left out (with a warning).
     */
    static Map<String, CbsPackageState> states(RegistryView software, List<String> warnings) {
        Map<String, CbsPackageState> states = new LinkedHashMap<>();
        for (String name : software.subkeys(PACKAGES)) {
            Optional<Long> code = software.value(PACKAGES + '\\' + name, "CurrentState").flatMap(RegistryValue::dword);
            Optional<CbsPackageState> state = code.flatMap(CbsPackageState::of);
            if (state.isPresent()) {
                states.put(name.toLowerCase(Locale.ROOT), state.get());
            } else if (!KB.matcher(name).find()) {
                warnings.add("SOFTWARE\\" + PACKAGES + '\\' + name + ": no known CurrentState, package skipped");
            }
        }
        return states;
    }

    private static Optional<Instant> installTime(RegistryView software, String key) {
        Optional<Long> high = software.value(key, "InstallTimeHigh").flatMap(RegistryValue::dword);
        Optional<Long> low = software.value(key, "InstallTimeLow").flatMap(RegistryValue::dword);
        if (high.isEmpty() || low.isEmpty()) {
            return Optional.empty();
        }
        long ticks = high.get() << 32 | low.get();
        byte[] le = new byte[8];
        for (int i = 0; i < le.length; i++) {
            le[i] = (byte) (ticks >>> (8 * i));
        }
        return new RegistryValue(RegistryValue.REG_BINARY, le).fileTime();
    }
}
