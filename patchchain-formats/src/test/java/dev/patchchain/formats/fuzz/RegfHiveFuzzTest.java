package dev.patchchain.formats.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.patchchain.core.path.PathContext;
import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.regf.RegfExport;
import dev.patchchain.formats.regf.RegfHive;
import dev.patchchain.formats.regf.RegfOptions;
import dev.patchchain.formats.regf.SystemHiveQueue;

/**
 * Any bytes either read as a registry hive, walked completely (export, key lookup, queue of every control set), or
 * fail with a {@link FormatException}, in strict and in lenient mode. Plain {@code mvn verify} replays the seeds in
 * {@code RegfHiveFuzzTestInputs} (small hives written by the test RegfBuilder); {@code JAZZER_FUZZ=1} fuzzes.
 */
class RegfHiveFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void readsOrFailsTyped(byte[] data) {
        for (RegfOptions options : new RegfOptions[] {RegfOptions.STRICT, RegfOptions.LENIENT}) {
            try {
                RegfHive hive = RegfHive.read(data, "fuzz", options);
                RegfExport.export(hive.rootKey(), "HKEY_LOCAL_MACHINE\\SYSTEM");
                hive.key("ControlSet001\\Control\\Session Manager");
                SystemHiveQueue.allControlSets(hive, PathContext.DEFAULT);
            } catch (FormatException expected) {
                // damaged, foreign or unsupported input
            }
        }
    }
}
