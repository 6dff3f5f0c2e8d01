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

/**
 * libmspack's own test cabinets ({@code test/test_files/cabd}: stored, MSZIP, LZX and Quantum folders, reserved
 * areas, and the cabinets of its CVEs, LZX's among them), read by us and by {@code cabextract}. Where
 * {@code cabextract} extracts a cabinet, we must produce the same files with the same SHA-256; where it fails, we
 * must throw a {@link FormatException} and nothing else.
 *
 * <p>Documented differences: {@code cabextract} searches a file for cabinets anywhere in it, we read the cabinet
 * that starts at offset 0 ({@code search_basic.cab} starts with {@code FILLER}, {@code search_tricky1.cab} with a
 * false {@code MSCF}): we reject both as not a cabinet or corrupt. libmspack refuses a cabinet without files
 * ({@code bad_nofiles.cab}, {@code cFiles} 0); we read it as empty: there is nothing in it to misread. And we do
 * not read Quantum: a cabinet with a Quantum folder is compared on its other folders, and each Quantum file must be
 * {@code UNSUPPORTED}.
 */
class LibmspackCabinetsOracleTest {

    private static final List<String> EMBEDDED_CABINETS = List.of("search_basic.cab", "search_tricky1.cab");
    private static final String NO_FILES = "bad_nofiles.cab";

    @TempDir
    Path tmp;

    @Test
    void everyCabinetAgreesWithCabextract() throws Exception {
        Path dir = CabTools.libmspackCabinets();
        List<Path> cabinets;
        try (Stream<Path> files = Files.list(dir)) {
            cabinets = files.filter(f -> f.getFileName().toString().endsWith(".cab")).sorted().toList();
        }
        assertThat(cabinets).hasSizeGreaterThan(40);
        List<String> disagreements = new ArrayList<>();
        int agreedExtracted = 0;
        int agreedRejected = 0;
        long bytes = 0;
        long lzxBytes = 0;
        for (Path cab : cabinets) {
            String name = cab.getFileName().toString();
            Path out = tmp.resolve(name);
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
                agreedRejected++;
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
                for (CabEntry e : c.entries()) {
                    if (c.compression(e) == Compression.QUANTUM) {
                        assertThatThrownBy(() -> c.contents(x -> x.equals(e))).as(name + " " + e.name())
                                .isInstanceOfSatisfying(FormatException.class,
                                        x -> assertThat(x.kind()).isEqualTo(FormatException.Kind.UNSUPPORTED));
                        theirs.remove(e.slashName());
                    }
                }
                for (Map.Entry<CabEntry, byte[]> e : c.contents(e -> c.compression(e) != Compression.QUANTUM)
                        .entrySet()) {
                    ours.put(e.getKey().slashName(), sha256(e.getValue()));
                    bytes += e.getValue().length;
                    if (c.compression(e.getKey()) == Compression.LZX) {
                        lzxBytes += e.getValue().length;
                    }
                }
            }
            assertThat(ours).as(name).isEqualTo(theirs);
            agreedExtracted++;
        }
        assertThat(disagreements).isEmpty();
        System.out.printf("libmspack cabinets: %d extracted identically (%d bytes, %d of them LZX), %d rejected by "
                + "both%n", agreedExtracted, bytes, lzxBytes, agreedRejected);
        assertThat(lzxBytes).isPositive();
    }

    static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }
}
