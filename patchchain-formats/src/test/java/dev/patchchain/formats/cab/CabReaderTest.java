package dev.patchchain.formats.cab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.patchchain.formats.FormatException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Cabinets made by {@code gcab}, read by us and by {@code cabextract}: the same names, sizes and bytes. */
class CabReaderTest {

    private static final List<String> FILES = List.of("a.txt", "empty.bin", "dir/sub/text.txt", "dir/random.bin");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void readsWhatCabextractReads(boolean mszip) throws Exception {
        Path cab = makeCabinet(mszip);
        List<String> ours = new ArrayList<>();
        try (Cabinet c = CabReader.open(cab, CabLimits.DEFAULT)) {
            for (CabEntry e : c.entries()) {
                ours.add(e.size() + " " + e.slashName());
                assertThat(c.compression(e)).isEqualTo(mszip ? Compression.MSZIP : Compression.NONE);
            }
            assertThat(ours).containsExactlyElementsOf(CabTools.list(cab));
            Path extracted = dir.resolve("out");
            CabTools.extract(cab, extracted);
            Map<CabEntry, byte[]> contents = c.contents(e -> true);
            assertThat(contents).hasSize(FILES.size());
            for (Map.Entry<CabEntry, byte[]> e : contents.entrySet()) {
                assertThat(e.getValue()).as(e.getKey().name())
                        .isEqualTo(Files.readAllBytes(extracted.resolve(e.getKey().slashName())));
            }
        }
    }

    @Test
    void returnsOnlyTheWantedEntries() throws Exception {
        Path cab = makeCabinet(true);
        try (Cabinet c = CabReader.open(cab, CabLimits.DEFAULT)) {
            Map<CabEntry, byte[]> one = c.contents(e -> e.baseName().equals("text.txt"));
            assertThat(one).hasSize(1);
            assertThat(one.values().iterator().next())
                    .isEqualTo(Files.readAllBytes(dir.resolve("dir/sub/text.txt")));
        }
    }

    @Test
    void aBadChecksumIsCorrupt() throws Exception {
        byte[] bytes = Files.readAllBytes(makeCabinet(true));
        int lastByte = bytes.length - 1;
        bytes[lastByte] ^= 0x01;
        assertThatThrownBy(() -> CabReader.open(bytes, "bad.cab", CabLimits.DEFAULT).contents(e -> true))
                .isInstanceOfSatisfying(FormatException.class,
                        e -> assertThat(e.kind()).isEqualTo(FormatException.Kind.CORRUPT))
                .hasMessageContaining("bad.cab at 0x").hasMessageContaining("checksum");
    }

    @ParameterizedTest
    @ValueSource(ints = {0x1503, 0x0E03, 0x1603, 0x0902, 0x1602})
    void mszipBytesReadAsLzxOrAWindowOutOfRangeAreCorrupt(int typeCompress) throws Exception {
        byte[] bytes = Files.readAllBytes(makeCabinet(true));
        int at = CabHeader.FIXED_SIZE + CabFolder.TYPE_COMPRESS;
        bytes[at] = (byte) typeCompress;
        bytes[at + 1] = (byte) (typeCompress >>> 8);
        try (Cabinet c = CabReader.open(bytes, "bad.cab", CabLimits.DEFAULT)) {
            assertThatThrownBy(() -> c.contents(e -> true))
                    .isInstanceOfSatisfying(FormatException.class,
                            e -> assertThat(e.kind()).isEqualTo(FormatException.Kind.CORRUPT))
                    .hasMessageContaining("bad.cab at 0x")
                    .hasMessageContaining(typeCompress == 0x1503 ? "LZX: " : "window");
        }
    }

    @Test
    void notACabinet() {
        byte[] bytes = "MZ not a cabinet at all, just some text".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> CabReader.open(bytes, "x.cab", CabLimits.DEFAULT))
                .isInstanceOfSatisfying(FormatException.class,
                        e -> assertThat(e.kind()).isEqualTo(FormatException.Kind.NOT_THIS_FORMAT));
    }

    @Test
    void moreFilesThanTheLimitIsUnsupported() throws Exception {
        byte[] bytes = Files.readAllBytes(makeCabinet(false));
        assertThatThrownBy(() -> CabReader.open(bytes, "x.cab", new CabLimits(2, 1 << 20, 1 << 20)))
                .isInstanceOfSatisfying(FormatException.class,
                        e -> assertThat(e.kind()).isEqualTo(FormatException.Kind.UNSUPPORTED));
    }

    @Test
    void everyTruncationFailsTyped() throws Exception {
        byte[] bytes = Files.readAllBytes(makeCabinet(true));
        for (int length = 0; length < bytes.length; length += length < 400 ? 1 : 97) {
            byte[] cut = Arrays.copyOf(bytes, length);
            assertThatThrownBy(() -> {
                try (Cabinet c = CabReader.open(cut, "cut.cab", CabLimits.DEFAULT)) {
                    c.contents(e -> true);
                }
            }).as("length %d", length).isInstanceOf(FormatException.class);
        }
    }

    /** gcab -c[z] over a small text, an empty file, a multi-block text and 100 KB of random bytes. */
    private Path makeCabinet(boolean mszip) throws Exception {
        Files.createDirectories(dir.resolve("dir/sub"));
        Files.writeString(dir.resolve("a.txt"), "hello cabinet\n");
        Files.write(dir.resolve("empty.bin"), new byte[0]);
        Files.writeString(dir.resolve("dir/sub/text.txt"), "line of text that repeats\n".repeat(4000));
        byte[] random = new byte[100_000];
        new Random(6).nextBytes(random);
        Files.write(dir.resolve("dir/random.bin"), random);
        return CabTools.gcab(dir, mszip ? "mszip.cab" : "stored.cab", mszip, FILES);
    }
}
