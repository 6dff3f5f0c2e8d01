package dev.patchchain.formats.cab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.patchchain.formats.FormatException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Other projects' test cabinets, read by us and by {@code cabextract}: where {@code cabextract} extracts a cabinet,
 * we must produce the same files with the same SHA-256; where it fails, we must throw a {@link FormatException} and
 * nothing else. {@code .ci/run} fetches both suites from Debian source packages (never into the repository):
 *
 * <ul>
 *   <li>libmspack's {@code test/test_files/cabd} ({@code $PATCHCHAIN_LIBMSPACK_TESTS}): stored, MSZIP, LZX and
 *       Quantum folders, reserved areas, and the cabinets of libmspack's CVEs, LZX's among them;</li>
 *   <li>libarchive's {@code libarchive/test/*cab*.uu} ({@code $PATCHCHAIN_LIBARCHIVE_TESTS}), uudecoded here:
 *       cabinets that Microsoft's {@code makecab} wrote, three of them LZX (window 2^18).</li>
 * </ul>
 *
 * <p>Documented differences: {@code cabextract} searches a file for cabinets anywhere in it, we read the cabinet
 * that starts at offset 0 ({@code search_basic.cab} starts with {@code FILLER}, {@code search_tricky1.cab} with a
 * false {@code MSCF}): we reject both as not a cabinet or corrupt. libmspack refuses a cabinet without files
 * ({@code bad_nofiles.cab}, {@code cFiles} 0); we read it as empty: there is nothing in it to misread. One cabinet is compared on its files' bytes only: libarchive's
 * {@code test_read_format_cab_filename_cp932.cab} has Shift-JIS names without the UTF-8 flag, which
 * {@code cabextract} writes as raw bytes that Java cannot read back as the same names.
 */
class CabinetSuitesOracleTest {

    private static final List<String> EMBEDDED_CABINETS = List.of("search_basic.cab", "search_tricky1.cab");
    private static final String NO_FILES = "bad_nofiles.cab";
    private static final String CODE_PAGE_NAMES = "test_read_format_cab_filename_cp932.cab";

    @TempDir
    Path tmp;

    @Test
    void libmspackCabinetsAgreeWithCabextract() throws Exception {
        Tally tally = compare(CabTools.suite("PATCHCHAIN_LIBMSPACK_TESTS", "libmspack's test cabinets"));
        assertThat(tally.extracted + tally.rejected).isGreaterThan(50);
        assertThat(tally.lzxBytes).isPositive();
        assertThat(tally.quantumBytes).isPositive();
    }

    /** libmspack's LZX defect cabinets fail in the decoder, for the defect each was made for. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "lzx-premature-matches.cab | before the start of the stream",
        "lzx-main-tree-no-lengths.cab | has no codes",
    })
    void libmspacksLzxDefectsFailForTheirReason(String name, String reason) throws Exception {
        Path cab = CabTools.suite("PATCHCHAIN_LIBMSPACK_TESTS", "libmspack's test cabinets").resolve(name);
        try (Cabinet c = CabReader.open(cab, CabLimits.DEFAULT)) {
            assertThatThrownBy(() -> c.contents(e -> true))
                    .isInstanceOfSatisfying(FormatException.class,
                            e -> assertThat(e.kind()).isEqualTo(FormatException.Kind.CORRUPT))
                    .hasMessageContaining("LZX: ").hasMessageContaining(reason);
        }
    }

    @Test
    void makecabCabinetsOfLibarchiveAgreeWithCabextract() throws Exception {
        Path uu = CabTools.suite("PATCHCHAIN_LIBARCHIVE_TESTS", "libarchive's test files");
        Path dir = Files.createDirectories(tmp.resolve("libarchive"));
        try (Stream<Path> files = Files.list(uu)) {
            for (Path f : files.filter(f -> f.getFileName().toString().matches(".*cab.*\\.uu")).toList()) {
                String name = f.getFileName().toString();
                Files.write(dir.resolve(name.substring(0, name.length() - 3)), uudecode(Files.readAllLines(f)));
            }
        }
        Tally tally = compare(dir);
        assertThat(tally.extracted).isGreaterThanOrEqualTo(5);
        assertThat(tally.lzxBytes).isGreaterThan(33_000);
    }

    private Tally compare(Path dir) throws Exception {
        List<Path> cabinets;
        try (Stream<Path> files = Files.list(dir)) {
            cabinets = files.filter(f -> f.getFileName().toString().endsWith(".cab")).sorted().toList();
        }
        List<String> disagreements = new ArrayList<>();
        Tally tally = new Tally();
        for (Path cab : cabinets) {
            String name = cab.getFileName().toString();
            Path out = tmp.resolve(dir.getFileName() + "-" + name);
            boolean theyExtract = CabTools.tryExtract(cab, out);
            if (name.equals(NO_FILES)) {
                assertThat(theyExtract).isFalse();
                try (Cabinet c = CabReader.open(cab, CabLimits.DEFAULT)) {
                    assertThat(c.entries()).isEmpty();
                }
                continue;
            }
            if (!theyExtract || EMBEDDED_CABINETS.contains(name)) {
                Throwable ours = catchThrowable(() -> {
                    try (Cabinet c = CabReader.open(cab, CabLimits.DEFAULT)) {
                        c.contents(e -> true);
                    }
                });
                if (!(ours instanceof FormatException)) {
                    disagreements.add(name + " (cabextract: " + (theyExtract ? "extracts an embedded cabinet" : "fails")
                            + "): we " + (ours == null ? "read it" : "throw " + ours));
                }
                tally.rejected++;
                continue;
            }
            Map<String, String> theirs = new TreeMap<>();
            try (Stream<Path> files = Files.walk(out)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    theirs.put(out.relativize(f).toString(), sha256(Files.readAllBytes(f)));
                }
            }
            Map<String, String> ours = new TreeMap<>();
            try (Cabinet c = CabReader.open(cab, CabLimits.DEFAULT)) {
                for (Map.Entry<CabEntry, byte[]> e : c.contents(e -> true).entrySet()) {
                    ours.put(e.getKey().slashName(), sha256(e.getValue()));
                    tally.bytes += e.getValue().length;
                    if (c.compression(e.getKey()) == Compression.LZX) {
                        tally.lzxBytes += e.getValue().length;
                    }
                    if (c.compression(e.getKey()) == Compression.QUANTUM) {
                        tally.quantumBytes += e.getValue().length;
                    }
                }
            }
            if (name.equals(CODE_PAGE_NAMES)) {
                assertThat(ours.values()).containsExactlyInAnyOrderElementsOf(theirs.values());
            } else if (!ours.equals(theirs)) {
                disagreements.add(name + ": ours " + ours + ", cabextract's " + theirs);
            }
            tally.extracted++;
        }
        assertThat(disagreements).isEmpty();
        System.out.printf("%s: %d cabinets extracted identically (%d bytes, %d of them LZX, %d Quantum), %d rejected by"
                + " both%n", dir, tally.extracted, tally.bytes, tally.lzxBytes, tally.quantumBytes, tally.rejected);
        return tally;
    }

    /** @return the bytes of a uuencoded file: after {@code begin}, each line is its length and 6-bit groups */
    private static byte[] uudecode(List<String> lines) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        boolean inside = false;
        for (String line : lines) {
            if (!inside) {
                inside = line.startsWith("begin ");
            } else if (line.equals("end") || line.isEmpty()) {
                break;
            } else {
                int length = (line.charAt(0) - ' ') & 63;
                int bits = 0;
                int buffer = 0;
                for (int i = 1; i < line.length() && length > 0; i++) {
                    buffer = buffer << 6 | (line.charAt(i) - ' ') & 63;
                    bits += 6;
                    if (bits >= 8) {
                        bits -= 8;
                        out.write(buffer >>> bits & 0xFF);
                        length--;
                    }
                }
            }
        }
        return out.toByteArray();
    }

    private static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    /** What one suite came to. */
    private static final class Tally {
        int extracted;
        int rejected;
        long bytes;
        long lzxBytes;
        long quantumBytes;
    }
}
