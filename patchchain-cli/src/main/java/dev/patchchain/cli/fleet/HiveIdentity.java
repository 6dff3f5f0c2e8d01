package dev.patchchain.cli.fleet;

import dev.patchchain.cli.hive.ValueText;
import dev.patchchain.formats.regf.RegfHive;
import dev.patchchain.formats.regf.RegfKey;
import dev.patchchain.formats.regf.RegfOptions;
import dev.patchchain.formats.regf.RegfValue;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What an offline Windows installation says about itself in its hives. SYSTEM:
 * {@code ControlSet00N\Control\ComputerName\ComputerName\ComputerName} of the control set {@code Select\Current}
 * names. SOFTWARE: {@code Microsoft\Cryptography\MachineGuid}, and {@code Microsoft\Windows NT\CurrentVersion}
 * {@code CurrentBuild} with {@code UBR} (the revision) as {@code 19045.6218}. A value that is absent or of another
 * type is left empty and noted.
 *
 * @param machineGuid  the MachineGuid
 * @param computerName the computer name
 * @param osBuild      the build and, when recorded, its revision
 * @param notes        what was missing
 */
record HiveIdentity(Optional<String> machineGuid, Optional<String> computerName, Optional<String> osBuild,
                    List<String> notes) {

    private static final String COMPUTER_NAME = "Control\\ComputerName\\ComputerName";
    private static final String CRYPTOGRAPHY = "Microsoft\\Cryptography";
    private static final String CURRENT_VERSION = "Microsoft\\Windows NT\\CurrentVersion";

    HiveIdentity {
        notes = List.copyOf(notes);
    }

    /**
     * @param system   the SYSTEM hive, if there is one
     * @param software the SOFTWARE hive, if there is one
     * @param options  strict or lenient reading
     * @return what the hives say
     * @throws IOException if a hive given cannot be read
     */
    static HiveIdentity read(Optional<Path> system, Optional<Path> software, RegfOptions options) throws IOException {
        List<String> notes = new ArrayList<>();
        Optional<String> name = Optional.empty();
        if (system.isPresent()) {
            try (RegfHive hive = RegfHive.open(system.get(), options)) {
                Optional<String> set = value(hive, "Select", "Current").flatMap(ValueText::number)
                        .map(n -> String.format("ControlSet%03d", n));
                name = set.isEmpty() ? Optional.empty()
                        : value(hive, set.get() + "\\" + COMPUTER_NAME, "ComputerName").flatMap(HiveIdentity::text);
                if (name.isEmpty()) {
                    notes.add(system.get() + ": no computer name (Select\\Current\\" + COMPUTER_NAME + ")");
                }
            }
        }
        Optional<String> guid = Optional.empty();
        Optional<String> build = Optional.empty();
        if (software.isPresent()) {
            try (RegfHive hive = RegfHive.open(software.get(), options)) {
                guid = value(hive, CRYPTOGRAPHY, "MachineGuid").flatMap(HiveIdentity::text);
                Optional<Long> revision = value(hive, CURRENT_VERSION, "UBR").flatMap(ValueText::number);
                build = value(hive, CURRENT_VERSION, "CurrentBuild").flatMap(HiveIdentity::text)
                        .map(b -> revision.map(r -> b + "." + r).orElse(b));
                if (guid.isEmpty()) {
                    notes.add(software.get() + ": no " + CRYPTOGRAPHY + "\\MachineGuid");
                }
            }
        }
        return new HiveIdentity(guid, name, build, notes);
    }

    private static Optional<RegfValue> value(RegfHive hive, String key, String name) throws IOException {
        Optional<RegfKey> found = hive.key(key);
        return found.isEmpty() ? Optional.empty() : found.get().value(name);
    }

    /** A REG_SZ or REG_EXPAND_SZ that is not blank. */
    private static Optional<String> text(RegfValue value) {
        return ValueText.strings(value).filter(s -> s.size() == 1).map(s -> s.get(0).strip()).filter(s -> !s.isEmpty());
    }
}
