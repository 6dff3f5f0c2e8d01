package dev.patchchain.testing.regf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchchain.formats.regf.RegfHive;
import dev.patchchain.formats.regf.RegfOptions;
import dev.patchchain.formats.regf.RegfValue;
import dev.patchchain.formats.regf.RegfValueWriter;
import dev.patchchain.formats.regf.ValueChange;
import dev.patchchain.testing.Seeds;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Random sequences of sets and deletes on random values of a builder hive: after each, the hive reads back strictly,
 * clean, and every key holds exactly the values of a model (same order, same names, types and bytes).
 */
class RegfValueWriterPropertyTest {

    private static final List<String> KEYS = List.of("", "A", "A\\B", "C", "ControlSet001\\Control\\Session Manager");
    private static final List<String> NAMES = List.of("", "v1", "V1", "Queue", "PendingFileRenameOperations",
            "Ωmega", "x".repeat(300));
    private static final int STEPS = 60;

    @RepeatedTest(3)
    void setsAndDeletesChangeOnlyTheirValue() throws IOException {
        Random random = Seeds.random("RegfValueWriterPropertyTest");
        RegfBuilder builder = new RegfBuilder().minorVersion(3 + random.nextInt(4))
                .listKind(RegfBuilder.ListKind.values()[random.nextInt(4)]);
        Map<String, LinkedHashMap<String, RegfValue>> model = new LinkedHashMap<>();
        for (String key : KEYS) {
            builder.key(key);
            model.put(key, new LinkedHashMap<>());
            for (int i = 0; i < random.nextInt(4); i++) {
                RegfValue v = new RegfValue("init" + i, random.nextInt(12), data(random));
                builder.value(key, v.name(), v.type(), v.data());
                model.get(key).put(v.name().toUpperCase(Locale.ROOT), v);
            }
        }
        byte[] hive = builder.build();
        for (int step = 0; step < STEPS; step++) {
            String key = KEYS.get(random.nextInt(KEYS.size()));
            String name = NAMES.get(random.nextInt(NAMES.size()));
            LinkedHashMap<String, RegfValue> values = model.get(key);
            String upper = name.toUpperCase(Locale.ROOT);
            ValueChange change;
            if (random.nextInt(4) == 0) {
                change = ValueChange.delete(key, name);
                values.remove(upper);
            } else {
                change = ValueChange.set(key, name, random.nextInt(12), data(random));
                String stored = values.containsKey(upper) ? values.get(upper).name() : name;
                values.put(upper, new RegfValue(stored, change.type(), change.data()));
            }
            hive = RegfValueWriter.apply(hive, "prop", change, Instant.ofEpochSecond(1_700_000_000L + step)).image();
            RegfHive read = RegfHive.read(hive, "prop", RegfOptions.STRICT);
            assertThat(read.dirty()).as("step %d: %s", step, change).isFalse();
            for (String k : KEYS) {
                assertThat(read.key(k).orElseThrow().values()).as("step %d, key '%s' after %s", step, k, change)
                        .containsExactlyElementsOf(new ArrayList<>(model.get(k).values()));
            }
        }
    }

    /** Sizes around every boundary: resident, one cell, one big data segment, several. */
    private static byte[] data(Random random) {
        int[] sizes = {0, 1, 4, 5, 8, 100, 2000, 16344, 16345, 40_000};
        int size = random.nextInt(3) == 0 ? random.nextInt(5000) : sizes[random.nextInt(sizes.length)];
        byte[] data = new byte[size];
        random.nextBytes(data);
        return data;
    }
}
