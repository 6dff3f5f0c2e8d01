package dev.patchchain.cli.fleet;

import dev.patchchain.cli.machine.MachineHive;
import dev.patchchain.cli.machine.MachineSource;
import dev.patchchain.core.registry.RegistryValue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a Windows installation says about itself in its hives (offline files or the running registry). SYSTEM:
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
    private static final int REG_QWORD = 11;

    HiveIdentity {
        notes = List.copyOf(notes);
    }

    /**
     * @param machine the machine, with as many of its hives as it has
     * @return what the hives say
     * @throws IOException if a hive cannot be read
     */
    static HiveIdentity read(MachineSource machine) throws IOException {
        List<String> notes = new ArrayList<>();
        Optional<String> name = Optional.empty();
        Optional<MachineHive> system = machine.system();
        if (system.isPresent()) {
            Optional<String> set = system.get().view().value("Select", "Current").flatMap(HiveIdentity::number)
                    .map(n -> String.format("ControlSet%03d", n));
            name = set.flatMap(s -> system.get().view().value(s + "\\" + COMPUTER_NAME, "ComputerName"))
                    .flatMap(HiveIdentity::text);
            if (name.isEmpty()) {
                notes.add(system.get().name() + ": no computer name (Select\\Current\\" + COMPUTER_NAME + ")");
            }
        }
        Optional<String> guid = Optional.empty();
        Optional<String> build = Optional.empty();
        Optional<MachineHive> software = machine.software();
        if (software.isPresent()) {
            guid = software.get().view().value(CRYPTOGRAPHY, "MachineGuid").flatMap(HiveIdentity::text);
            Optional<Long> revision = software.get().view().value(CURRENT_VERSION, "UBR").flatMap(HiveIdentity::number);
            build = software.get().view().value(CURRENT_VERSION, "CurrentBuild").flatMap(HiveIdentity::text)
                    .map(b -> revision.map(r -> b + "." + r).orElse(b));
            if (guid.isEmpty()) {
                notes.add(software.get().name() + ": no " + CRYPTOGRAPHY + "\\MachineGuid");
            }
        }
        return new HiveIdentity(guid, name, build, notes);
    }

    /** A REG_SZ or REG_EXPAND_SZ that is not blank. */
    private static Optional<String> text(RegistryValue value) {
        if (value.type() != RegistryValue.REG_SZ && value.type() != RegistryValue.REG_EXPAND_SZ) {
            return Optional.empty();
        }
        return Optional.of(value.string().strip()).filter(s -> !s.isEmpty());
    }

    /** A REG_DWORD, or a REG_QWORD of eight bytes. */
    private static Optional<Long> number(RegistryValue value) {
        if (value.type() == RegistryValue.REG_DWORD) {
            return value.dword();
        }
        byte[] d = value.data();
        if (value.type() != REG_QWORD || d.length != Long.BYTES) {
            return Optional.empty();
        }
        long n = 0;
        for (int i = Long.BYTES - 1; i >= 0; i--) {
            n = n << 8 | (d[i] & 0xFF);
        }
        return Optional.of(n);
    }
}
