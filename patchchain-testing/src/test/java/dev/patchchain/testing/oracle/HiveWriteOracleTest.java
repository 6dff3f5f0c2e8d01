package dev.patchchain.testing.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.patchchain.formats.regf.HiveFileUpdate;
import dev.patchchain.formats.regf.HiveUpdateOptions;
import dev.patchchain.formats.regf.RefusedWriteException;
import dev.patchchain.formats.regf.RegfHive;
import dev.patchchain.formats.regf.RegfOptions;
import dev.patchchain.formats.regf.RegfValue;
import dev.patchchain.formats.regf.ValueChange;
import dev.patchchain.testing.Corpus;
import dev.patchchain.testing.regf.RegfBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Writes PendingFileRenameOperations into copies of regipy's SYSTEM hives with {@link HiveFileUpdate}, then reads
 * the result with three other readers: {@code hivexget} and {@code regfexport} read the new value exactly, and
 * {@code hivexregedit --export} of the whole hive differs from the export before only in that value.
 */
class HiveWriteOracleTest {

    private static final String SM = "ControlSet001\\Control\\Session Manager";
    private static final String PFRO = "PendingFileRenameOperations";
    private static final Map<String, Map<String, List<HivexExport.Value>>> BEFORE = new HashMap<>();

    /** What is written; SYSTEM_2 has a queue in ControlSet001, SYSTEM has none. */
    enum Scenario {
        SHORTER_IN_PLACE("SYSTEM_2", 1),
        LONGER_NEW_CELL("SYSTEM_2", 40),
        OVER_16_KIB_BIG_DATA("SYSTEM_2", 200),
        DELETE("SYSTEM_2", -1),
        CREATE_WHERE_ABSENT("SYSTEM", 3);

        final String hive;
        final int pairs;

        Scenario(String hive, int pairs) {
            this.hive = hive;
            this.pairs = pairs;
        }

        ValueChange change() {
            return pairs < 0 ? ValueChange.delete(SM, PFRO) : ValueChange.set(SM, PFRO, 7, queue(pairs));
        }
    }

    static byte[] queue(int pairs) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < pairs; i++) {
            s.append("\\??\\C:\\Windows\\SoftwareDistribution\\Download\\f").append(i).append(".tmp\0!\\??\\C:\\")
                    .append("Windows\\System32\\drivers\\d").append(i).append(".sys\0");
        }
        return s.append('\0').toString().getBytes(StandardCharsets.UTF_16LE);
    }

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void otherReadersSeeExactlyTheNewValue(Scenario scenario, @TempDir Path dir) throws IOException {
        Corpus.requireTool(HivexExport.TOOL, "compares whole-hive exports before and after a write");
        Corpus.requireTool("hivexget", "reads the written value");
        Corpus.requireTool("regfexport", "reads the written value");
        Path source = Corpus.require("hives/regipy/" + scenario.hive);
        Path hive = Files.write(dir.resolve(scenario.hive), markedClean(Files.readAllBytes(source)));
        Map<String, List<HivexExport.Value>> before = before(scenario.hive, source);
        ValueChange change = scenario.change();

        assertThat(HiveFileUpdate.apply(hive, change, HiveUpdateOptions.DEFAULT).written()).isTrue();

        try (RegfHive ours = RegfHive.open(hive, RegfOptions.STRICT)) {
            Optional<RegfValue> read = ours.key(SM).orElseThrow().value(PFRO);
            assertThat(read).isEqualTo(change.isDelete() ? Optional.empty()
                    : Optional.of(new RegfValue(PFRO, 7, change.data())));
        }
        assertThat(hivexget(hive)).isEqualTo(change.isDelete() ? null : multiSzLines(change.data()));
        assertThat(regfexport(hive)).isEqualTo(change.isDelete() ? null : change.data());

        Map<String, List<HivexExport.Value>> after = HivexExport.export(hive);
        assertThat(after).isNotNull();
        assertThat(after.keySet()).containsExactlyElementsOf(before.keySet());
        for (String key : before.keySet()) {
            List<HivexExport.Value> expected = new ArrayList<>(before.get(key));
            if (key.equalsIgnoreCase(SM)) {
                expected.removeIf(v -> v.name().equalsIgnoreCase(PFRO));
                if (!change.isDelete()) {
                    expected.add(new HivexExport.Value(PFRO, 7, HivexExport.hex(change.data())));
                }
                assertThat(after.get(key)).containsExactlyInAnyOrderElementsOf(expected);
            } else {
                assertThat(after.get(key)).as(key).isEqualTo(expected);
            }
        }
    }

    @Test
    void aDirtyCorpusHiveWithoutLogsIsRefused(@TempDir Path dir) throws IOException {
        Path source = Corpus.require("hives/regipy/SYSTEM_2");
        Path hive = Files.copy(source, dir.resolve("SYSTEM_2"));
        assertThatThrownBy(() -> HiveFileUpdate.apply(hive, Scenario.SHORTER_IN_PLACE.change(),
                HiveUpdateOptions.DEFAULT)).isInstanceOf(RefusedWriteException.class)
                .hasMessageContaining("dirty hive (primary sequence 205, secondary 204");
        assertThatThrownBy(() -> HiveFileUpdate.apply(hive, Scenario.SHORTER_IN_PLACE.change(),
                HiveUpdateOptions.DEFAULT.recoveringDirtyHive())).isInstanceOf(RefusedWriteException.class)
                .hasMessageContaining("its logs cannot recover it");
        assertThat(Files.readAllBytes(hive)).isEqualTo(Files.readAllBytes(source));
    }

    /**
     * regipy's SYSTEM_2 is dirty (sequence numbers 205 and 204) and comes without its logs, which we refuse to
     * write; the fixture is that hive as if its last write had completed: secondary := primary, new checksum.
     */
    static byte[] markedClean(byte[] hive) {
        ByteBuffer b = ByteBuffer.wrap(hive).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(8, b.getInt(4));
        b.putInt(508, RegfBuilder.checksum(hive));
        return hive;
    }

    private static synchronized Map<String, List<HivexExport.Value>> before(String name, Path source)
            throws IOException {
        if (!BEFORE.containsKey(name)) {
            BEFORE.put(name, HivexExport.export(source));
        }
        return BEFORE.get(name);
    }

    /** hivexget prints each string of a REG_MULTI_SZ (empty ones too) on its own line, up to the last NUL. */
    private static String multiSzLines(byte[] data) {
        String[] parts = new String(data, StandardCharsets.UTF_16LE).split("\0", -1);
        StringBuilder out = new StringBuilder();
        for (String p : Arrays.copyOf(parts, parts.length - 1)) {
            out.append(p).append('\n');
        }
        return out.toString();
    }

    /** @return hivexget's output for the value, or {@code null} if it fails (no such value) */
    private static String hivexget(Path hive) throws IOException {
        byte[] out = run("hivexget", hive.toString(), SM, PFRO);
        return out == null ? null : new String(out, StandardCharsets.UTF_8);
    }

    private static final Pattern VALUE = Pattern.compile("^Value: \\d+ (.*)$");
    private static final Pattern DUMP = Pattern.compile("^[0-9a-f]{8}: ((?:[0-9a-f]{2} {1,2}){1,16})");

    /** @return the value's bytes from regfexport's hex dump, or {@code null} if the key has no such value */
    private static byte[] regfexport(Path hive) throws IOException {
        byte[] out = run("regfexport", "-K", SM, hive.toString());
        assertThat(out).isNotNull();
        String[] lines = new String(out, StandardCharsets.UTF_8).split("\n");
        Map<String, ByteArrayOutputStream> values = new LinkedHashMap<>();
        ByteArrayOutputStream current = null;
        int keys = 0;
        for (String line : lines) {
            if (line.startsWith("Key path:") && ++keys > 1) {
                break; // the first subkey: its values are not ours
            }
            Matcher v = VALUE.matcher(line);
            Matcher d = DUMP.matcher(line);
            if (v.matches()) {
                current = new ByteArrayOutputStream();
                values.put(v.group(1), current);
            } else if (current != null && d.find()) {
                for (String h : d.group(1).trim().split(" +")) {
                    current.write(Integer.parseInt(h, 16));
                }
            }
        }
        return values.containsKey(PFRO) ? values.get(PFRO).toByteArray() : null;
    }

    private static byte[] run(String... command) throws IOException {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out;
        try (InputStream in = p.getInputStream()) {
            out = in.readAllBytes();
        }
        try {
            return p.waitFor() == 0 ? out : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
