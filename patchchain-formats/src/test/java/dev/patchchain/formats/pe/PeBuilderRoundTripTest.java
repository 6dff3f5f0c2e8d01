package dev.patchchain.formats.pe;

import dev.patchchain.formats.io.BytesChannel;
import static org.assertj.core.api.Assertions.assertThat;

import dev.patchchain.core.version.FileVersion;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** What {@link PeBuilder} writes, {@link PeVersionReader} reads back: versions, language choice, strings. */
class PeBuilderRoundTripTest {

    private static final int IMAGES = 2000;
    private static final int[] COMMON_LANGUAGES = {0, 0x409, 0x407, 0x40C, 0x411, 0x804, 0x809, 0xC0A};

    @Test
    void randomImagesReadBackAsBuilt() throws IOException {
        Random random = TestSeeds.random("PE builder round trip");
        for (int n = 0; n < IMAGES; n++) {
            FileVersion file = randomVersion(random);
            FileVersion product = randomVersion(random);
            TreeSet<Integer> languages = randomLanguages(random);
            Map<String, String> strings = randomStrings(random);
            boolean pe32 = random.nextBoolean();
            PeBuilder builder = PeBuilder.dll().fileVersion(file).productVersion(product);
            if (pe32) {
                builder.pe32();
            }
            languages.forEach(builder::language);
            strings.forEach(builder::string);

            PeVersionInfo info = PeVersionReader.read(new BytesChannel(builder.build()), "image #" + n);

            String context = "image #" + n + " languages " + languages;
            assertThat(info.fileVersion()).as(context).contains(file);
            assertThat(info.productVersion()).as(context).contains(product);
            assertThat(info.pe32Plus()).as(context).isEqualTo(!pe32);
            assertThat(info.machineName()).as(context).isEqualTo(pe32 ? "x86" : "x64");
            assertThat(info.language()).as(context).isEqualTo(expectedLanguage(languages));
            assertThat(info.codePage()).as(context).isEqualTo(1200);
            assertThat(info.strings()).as(context).containsExactlyEntriesOf(strings);
        }
    }

    @Test
    void languageChoiceIsNeutralThenEnUsThenLowest() throws IOException {
        assertThat(languageChosenFrom(0x407, 0x409, 0)).isZero();
        assertThat(languageChosenFrom(0x407, 0x409, 0x411)).isEqualTo(0x409);
        assertThat(languageChosenFrom(0x411, 0x407, 0x40C)).isEqualTo(0x407);
    }

    @Test
    void defaultsAreOneEnUsResourceWithProductVersionEqualToFileVersion() throws IOException {
        FileVersion v = FileVersion.parse("10.0.19041.1");
        PeVersionInfo info = PeVersionReader.read(new BytesChannel(PeBuilder.dll().fileVersion(v).build()), "dll");
        assertThat(info.productVersion()).contains(v);
        assertThat(info.language()).isEqualTo(0x409);
        assertThat(info.strings()).isEmpty();
        assertThat(info.string("CompanyName")).isEmpty();
    }

    @Test
    void anotherMachineIsReportedByNameOrHex() throws IOException {
        assertThat(PeVersionReader.read(new BytesChannel(PeBuilder.dll().machine(0xAA64).build()), "a").machineName())
                .isEqualTo("arm64");
        assertThat(PeVersionReader.read(new BytesChannel(PeBuilder.dll().machine(0x5064).build()), "r").machineName())
                .isEqualTo("0x5064");
    }

    @Test
    void imageWithoutVersionResourceHasEmptyVersions() throws IOException {
        PeVersionInfo info = PeVersionReader.read(new BytesChannel(PeBuilder.dll().build()), "plain.dll");
        assertThat(info.fileVersion()).isEmpty();
        assertThat(info.productVersion()).isEmpty();
        assertThat(info.language()).isEqualTo(-1);
        assertThat(info.codePage()).isEqualTo(-1);
        assertThat(info.strings()).isEmpty();
    }

    @Test
    void readsOnlyHeadersAndTheVersionResourceNotTheWholeFile() throws IOException {
        byte[] image = PeBuilder.dll().fileVersion(FileVersion.parse("1.2.3.4")).string("CompanyName", "Example")
                .build();
        byte[] withOverlay = Arrays.copyOf(image, image.length + (1 << 20));
        BytesChannel channel = new BytesChannel(withOverlay);

        assertThat(PeVersionReader.read(channel, "big.dll").fileVersion()).contains(FileVersion.parse("1.2.3.4"));
        assertThat(channel.bytesRead()).isLessThan(image.length);
    }

    @Test
    void readsThroughAChannelThatHandsOutOneByteAtATime() throws IOException {
        byte[] image = PeBuilder.dll().fileVersion(FileVersion.parse("5.1.2600.0")).string("ProductName", "Slow")
                .language(0x411).build();

        PeVersionInfo info = PeVersionReader.read(new BytesChannel(image, 1), "slow.dll");

        assertThat(info.fileVersion()).contains(FileVersion.parse("5.1.2600.0"));
        assertThat(info.string("ProductName")).contains("Slow");
    }

    private static int languageChosenFrom(int... languages) throws IOException {
        PeBuilder builder = PeBuilder.dll().fileVersion(FileVersion.parse("1.0"));
        for (int language : languages) {
            builder.language(language);
        }
        return PeVersionReader.read(new BytesChannel(builder.build()), "multi.dll").language();
    }

    private static int expectedLanguage(TreeSet<Integer> languages) {
        if (languages.isEmpty()) {
            return 0x409;
        }
        if (languages.contains(0)) {
            return 0;
        }
        return languages.contains(0x409) ? 0x409 : languages.first();
    }

    private static FileVersion randomVersion(Random random) {
        return FileVersion.fromMsLs(random.nextInt(), random.nextInt());
    }

    private static TreeSet<Integer> randomLanguages(Random random) {
        TreeSet<Integer> languages = new TreeSet<>();
        int count = random.nextInt(5);
        for (int i = 0; i < count; i++) {
            languages.add(random.nextBoolean() ? COMMON_LANGUAGES[random.nextInt(COMMON_LANGUAGES.length)]
                    : random.nextInt(0x10000));
        }
        return languages;
    }

    private static Map<String, String> randomStrings(Random random) {
        List<String> keys = new ArrayList<>(List.of("CompanyName", "FileDescription", "FileVersion",
                "InternalName", "LegalCopyright", "OriginalFilename", "ProductName", "ProductVersion", "Comments"));
        Collections.shuffle(keys, random);
        Map<String, String> strings = new LinkedHashMap<>();
        for (String key : keys.subList(0, random.nextInt(keys.size() + 1))) {
            strings.put(key, randomText(random));
        }
        return strings;
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(40);
        for (int i = 0; i < length; i++) {
            int c = random.nextInt(10) == 0 ? 0x100 + random.nextInt(0xD000) : 0x20 + random.nextInt(0x5F);
            text.append((char) c);
        }
        return text.toString();
    }
}
