package dev.patchchain.testing.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.reg.RegFile;
import dev.patchchain.formats.reg.RegKeyBlock;
import dev.patchchain.formats.reg.RegValue;
import dev.patchchain.formats.regf.RegfExport;
import dev.patchchain.formats.regf.RegfHive;
import dev.patchchain.formats.regf.RegfOptions;
import dev.patchchain.testing.Corpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every regf hive of {@code corpus/hives} exported by us and by {@code hivexregedit --export}: the same keys with
 * the same values (name, type, bytes). Both read the file as it is on disk (no log replay). hivexregedit sorts
 * subkeys and values by name (Perl {@code sort}, by code point) where we keep hive order, so both sides are compared
 * as models sorted that way, never as text.
 * Where the two disagree, the file is listed in {@link #EXPECTED} with the reason, and the test checks that exact
 * outcome, so a change on either side shows.
 */
class RegfHivexOracleTest {

    /** An outcome other than "equal, strict", as the start of the printed outcome, and why. */
    record Expected(String outcome, String why) {
    }

    private static final String Y = "yarp/hives_for_tests/";
    private static final String HIVEX_FAILS_WE_LENIENT = "hivex fails; we: lenient (strict: CORRUPT)";

    /** Files where the outcome is not "both read it strictly, same model", and why. */
    static final Map<String, Expected> EXPECTED = Map.ofEntries(
            Map.entry("dfwinreg/USER.DAT", new Expected("hivex fails; we: rejected: USER.DAT at 0x0: no regf",
                    "Windows 9x CREG file, not regf: NOT_THIS_FORMAT")),
            Map.entry("regipy/corrupted_system_hive", new Expected(HIVEX_FAILS_WE_LENIENT,
                    "hive bins zeroed from 0x1a000: strict stops there, lenient reads what stays reachable")),
            Map.entry(Y + "BadBaseBlockHive/BadBaseBlockHive", new Expected("hivex fails; we: rejected:",
                    "base block invalid (checksum 'INVL', version 1.1): readable only with its log"
                            + " (RegfDirtyHiveTest)")),
            Map.entry(Y + "BadListHive", new Expected("differ, lenient (strict: CORRUPT): key #3 ours '2\\subkey'",
                    "key 3\\subkey is also listed under key 2: strict rejects the second parent; hivexregedit"
                            + " names every key by its parent references, so prints 3\\subkey twice")),
            Map.entry(Y + "BadSubkeyHive", new Expected("differ, lenient (strict: CORRUPT): key #3 ours '2\\subkey'",
                    "as BadListHive")),
            Map.entry(Y + "InvalidParentHive", new Expected("differ, lenient (strict: CORRUPT)",
                    "keys whose parent reference is wrong: strict rejects; hivexregedit names them by that wrong"
                            + " parent, lenient mode by the path walked")),
            Map.entry(Y + "DeletedDataHiveTruncated", new Expected(HIVEX_FAILS_WE_LENIENT,
                    "truncated: a values list lies past the end of the file")),
            Map.entry(Y + "EffectiveSizeHive", new Expected(HIVEX_FAILS_WE_LENIENT,
                    "base block checksum is 'INVL' and no logs: strict rejects, lenient reads with a warning")),
            Map.entry(Y + "GarbageHive", new Expected(HIVEX_FAILS_WE_LENIENT, "as EffectiveSizeHive")),
            Map.entry(Y + "TruncatedDirtyHive", new Expected(HIVEX_FAILS_WE_LENIENT,
                    "file shorter than its hive bins data size: lenient reads the complete hive bins")),
            Map.entry(Y + "TruncatedHive", new Expected(HIVEX_FAILS_WE_LENIENT, "as TruncatedDirtyHive")),
            Map.entry(Y + "TruncatedNameHive", new Expected(HIVEX_FAILS_WE_LENIENT,
                    "a key name runs past its cell: lenient skips that key")),
            Map.entry(Y + "InvalidParentFragment", new Expected("hivex fails; we: rejected:",
                    "a lone hive bin without base block: NOT_THIS_FORMAT")),
            Map.entry(Y + "TruncatedHiveBin", new Expected("hivex fails; we: rejected:", "as InvalidParentFragment")),
            Map.entry(Y + "OldLogWithRemnantData", new Expected("hivex fails; we: rejected:",
                    "a transaction log, not a primary file: UNSUPPORTED")),
            Map.entry(Y + "System_Delta", new Expected("hivex fails; we: strict",
                    "hivexregedit stops with 'value_value: Bad address' on this container delta hive; every"
                            + " reference checks out for us")),
            Map.entry(Y + "TruncatedPairHive", new Expected("hivex fails; we: strict",
                    "hivex refuses a key name ending in half a UTF-16 surrogate pair ('node_name: Invalid"
                            + " argument'); we decode it as U+FFFD")),
            Map.entry(Y + "TruncatedPairHive2", new Expected("hivex fails; we: strict", "as TruncatedPairHive")));

    @Test
    void ourExportEqualsHivexregedit() throws IOException {
        Path root = Corpus.require("hives");
        Corpus.requireTool(HivexExport.TOOL, "regf export oracle");
        Map<String, String> outcomes = new TreeMap<>();
        int equal = 0;
        int keys = 0;
        for (Path hive : hives(root)) {
            String name = root.relativize(hive).toString();
            Map<String, List<HivexExport.Value>> theirs = sorted(HivexExport.export(hive));
            Map<String, List<HivexExport.Value>> ours;
            String mode = "strict";
            try {
                ours = sorted(ours(hive, RegfOptions.STRICT.withoutLogs()));
            } catch (FormatException strictFailure) {
                mode = "lenient (strict: " + strictFailure.kind() + ")";
                try {
                    ours = sorted(ours(hive, RegfOptions.LENIENT.withoutLogs()));
                } catch (FormatException lenientFailure) {
                    ours = null;
                    mode = "rejected: " + lenientFailure.getMessage();
                }
            }
            String outcome;
            if (theirs == null || ours == null) {
                outcome = (theirs == null ? "hivex fails" : "hivex reads") + "; we: " + mode;
            } else if (theirs.equals(ours)) {
                outcome = "equal, " + mode;
                equal++;
                keys += ours.size();
            } else {
                outcome = "differ, " + mode + ": " + firstDifference(ours, theirs);
            }
            outcomes.put(name, outcome);
            Expected expected = EXPECTED.get(name);
            String why = expected == null ? "" : "  -- " + expected.why();
            System.out.println("[oracle] " + name + ": " + outcome + why);
        }
        System.out.println("[oracle] " + equal + " of " + outcomes.size() + " hives equal to hivexregedit, " + keys
                + " keys compared");
        Map<String, String> unexpected = new LinkedHashMap<>();
        outcomes.forEach((file, outcome) -> {
            Expected expected = EXPECTED.get(file);
            if (!outcome.startsWith(expected == null ? "equal, strict" : expected.outcome())) {
                unexpected.put(file, outcome);
            }
        });
        assertThat(unexpected).as("outcomes not as documented in EXPECTED").isEmpty();
        assertThat(equal).isGreaterThan(30);
    }

    static List<Path> hives(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().matches("(?i).*\\.log[12]?"))
                    .filter(p -> !p.toString().contains("records_for_tests"))
                    .sorted().toList();
        }
    }

    private static Map<String, List<HivexExport.Value>> sorted(Map<String, List<HivexExport.Value>> keys) {
        if (keys == null) {
            return null;
        }
        Map<String, List<HivexExport.Value>> out = new TreeMap<>();
        keys.forEach((path, values) -> out.put(path, values.stream()
                .sorted(java.util.Comparator.comparing(HivexExport.Value::name)).toList()));
        return out;
    }

    private static Map<String, List<HivexExport.Value>> ours(Path hive, RegfOptions options) throws IOException {
        try (RegfHive h = RegfHive.open(hive, options)) {
            RegFile file = RegfExport.export(h.rootKey(), "");
            Map<String, List<HivexExport.Value>> keys = new LinkedHashMap<>();
            for (RegKeyBlock block : file.keys()) {
                List<HivexExport.Value> values = new ArrayList<>();
                for (RegValue v : block.values()) {
                    values.add(new HivexExport.Value(v.name(), v.type(), HivexExport.hex(v.data())));
                }
                keys.put(block.path().isEmpty() ? "" : block.path().substring(1), values);
            }
            return keys;
        }
    }

    private static String firstDifference(Map<String, List<HivexExport.Value>> ours,
            Map<String, List<HivexExport.Value>> theirs) {
        List<String> a = new ArrayList<>(ours.keySet());
        List<String> b = new ArrayList<>(theirs.keySet());
        if (!a.equals(b)) {
            for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
                if (!a.get(i).equals(b.get(i))) {
                    return "key #" + i + " ours '" + a.get(i) + "' hivex '" + b.get(i) + "'";
                }
            }
            return "key count ours " + a.size() + " hivex " + b.size();
        }
        for (String k : a) {
            if (!ours.get(k).equals(theirs.get(k))) {
                return "values of '" + k + "': ours " + abbreviate(ours.get(k)) + " hivex " + abbreviate(theirs.get(k));
            }
        }
        return "?";
    }

    private static String abbreviate(List<HivexExport.Value> values) {
        String s = values.toString();
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
