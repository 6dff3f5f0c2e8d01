package dev.patchchain.formats.pe;

import dev.patchchain.formats.io.BytesChannel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.patchchain.core.version.FileVersion;
import dev.patchchain.formats.FormatException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Damaged and hostile images: the only outcomes are a result or a {@link FormatException} that names the input
 * and an offset. Offsets into built images come from {@link PeBuilder}'s fixed layout.
 */
class PeVersionReaderMalformedTest {

    private static final int MUTATIONS = 20_000;
    private static final int ROOT = PeBuilder.RESOURCE_FILE_OFFSET; // resource tree start in a built image
    private static final int ROOT_ID_ENTRIES = ROOT + 14;
    private static final int ROOT_FIRST_ENTRY_TARGET = ROOT + 16 + 4;
    // sample() has languages 0x407 and 0x409: the second data entry (0x409) is the one read.
    private static final int CHOSEN_DATA_ENTRY_SIZE = ROOT + 3 * 16 + 4 * 8 + 16 + 4;
    private static final int E_LFANEW = 0x3C;

    private static byte[] sample() {
        return PeBuilder.dll().fileVersion(FileVersion.parse("10.0.19041.1"))
                .productVersion(FileVersion.parse("10.0.19041.2"))
                .string("CompanyName", "Example").string("FileVersion", "10.0.19041.1 (WinBuild)")
                .language(0x409).language(0x407).build();
    }

    @Test
    void truncationAtEveryLengthGivesAResultOrFormatException() {
        byte[] image = sample();
        for (int length = 0; length <= image.length; length++) {
            outcome(Arrays.copyOf(image, length), "truncated to " + length);
        }
    }

    @Test
    void randomByteMutationsGiveAResultOrFormatException() {
        Random random = TestSeeds.random("PE reader mutations");
        byte[][] samples = {sample(), PeBuilder.dll().pe32().fileVersion(FileVersion.parse("1.2.3.4")).build(),
                PeBuilder.dll().build()};
        for (int n = 0; n < MUTATIONS; n++) {
            byte[] image = samples[n % samples.length].clone();
            int flips = 1 + random.nextInt(8);
            for (int i = 0; i < flips; i++) {
                // Bias toward the headers and the resource tree, where the structure is.
                int limit = random.nextBoolean() ? Math.min(image.length, ROOT + 0x200) : image.length;
                image[random.nextInt(limit)] = (byte) random.nextInt(256);
            }
            outcome(image, "mutation #" + n);
        }
    }

    @Test
    void resourceDirectoryLoopIsCorrupt() {
        byte[] image = sample();
        putInt(image, ROOT_FIRST_ENTRY_TARGET, 0x8000_0000); // RT_VERSION → the root itself

        assertThatThrownBy(() -> PeVersionReader.read(new BytesChannel(image), "loop.dll"))
                .isInstanceOfSatisfying(FormatException.class, e -> assertThat(e.kind())
                        .isEqualTo(FormatException.Kind.CORRUPT))
                .hasMessageContaining("loop.dll at 0x")
                .hasMessageContaining("loop");
    }

    @Test
    void hugeEntryCountIsCorrupt() {
        byte[] image = sample();
        putShort(image, ROOT_ID_ENTRIES, 0xFFFF);

        assertThatThrownBy(() -> PeVersionReader.read(new BytesChannel(image), "huge.dll"))
                .isInstanceOfSatisfying(FormatException.class, e -> assertThat(e.kind())
                        .isEqualTo(FormatException.Kind.CORRUPT))
                .hasMessageContaining("huge.dll at 0x" + Integer.toHexString(ROOT))
                .hasMessageContaining("65535 entries");
    }

    @Test
    void entriesBeyondTheSectionAreCorrupt() {
        byte[] image = sample();
        putShort(image, ROOT_ID_ENTRIES, 4000);

        assertThatThrownBy(() -> PeVersionReader.read(new BytesChannel(image), "long.dll"))
                .isInstanceOfSatisfying(FormatException.class, e -> assertThat(e.kind())
                        .isEqualTo(FormatException.Kind.CORRUPT))
                .hasMessageContaining("runs past its section");
    }

    @Test
    void oversizedVersionResourceIsCorruptBeforeAnythingIsAllocated() {
        byte[] image = sample();
        putInt(image, CHOSEN_DATA_ENTRY_SIZE, 0x7FFF_FFFF);

        assertThatThrownBy(() -> PeVersionReader.read(new BytesChannel(image), "big.dll"))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("version resource of 2147483647 bytes exceeds the 1048576 accepted");
    }

    @Test
    void withoutMzOrPeSignatureItIsNotThisFormat() {
        byte[] noMz = sample();
        noMz[0] = 'X';
        byte[] noPe = sample();
        putInt(noPe, E_LFANEW, 0x80);

        byte[] dosOnly = Arrays.copyOf(new byte[] {'M', 'Z'}, 0x40);

        for (byte[] image : new byte[][] {noMz, noPe, new byte[10], dosOnly}) {
            assertThatThrownBy(() -> PeVersionReader.read(new BytesChannel(image), "x.bin"))
                    .isInstanceOfSatisfying(FormatException.class, e -> assertThat(e.kind())
                            .isEqualTo(FormatException.Kind.NOT_THIS_FORMAT))
                    .hasMessageStartingWith("x.bin");
        }
    }

    private static void outcome(byte[] image, String context) {
        try {
            PeVersionInfo info = PeVersionReader.read(new BytesChannel(image), context);
            assertThat(info.strings()).as(context).isNotNull();
        } catch (FormatException e) {
            assertThat(e.getMessage()).as(context).startsWith(context);
        } catch (IOException | RuntimeException e) {
            throw new AssertionError(context + ": expected a result or a FormatException, got " + e, e);
        }
    }

    private static void putInt(byte[] image, int offset, int value) {
        ByteBuffer.wrap(image).order(ByteOrder.LITTLE_ENDIAN).putInt(offset, value);
    }

    private static void putShort(byte[] image, int offset, int value) {
        ByteBuffer.wrap(image).order(ByteOrder.LITTLE_ENDIAN).putShort(offset, (short) value);
    }
}
