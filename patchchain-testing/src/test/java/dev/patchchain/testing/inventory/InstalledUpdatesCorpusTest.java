package dev.patchchain.testing.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchchain.core.verify.InstalledUpdate;
import dev.patchchain.core.verify.UpdateId;
import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.inventory.CaptureFormat;
import dev.patchchain.formats.inventory.InstalledUpdates;
import dev.patchchain.formats.inventory.InstalledUpdatesReader;
import dev.patchchain.testing.Corpus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every real capture of wesng's validation set (corpus/catalogs/wesng/validation: systeminfo, wmic qfe and KB lists
 * in several locales and encodings) parses, and lists the KB numbers an independent regex finds in its bytes.
 */
class InstalledUpdatesCorpusTest {

    private static final String DIR = "catalogs/wesng/validation";
    /** A KB number not glued to a word before it ("?kbid=" URLs are lower case and do not match). */
    private static final Pattern KB = Pattern.compile("(?<![A-Za-z])KB(\\d+)");

    private static Path file(String name) {
        return Corpus.require(DIR + "/" + name);
    }

    private static InstalledUpdates read(Path file) throws IOException {
        return InstalledUpdatesReader.read(Files.readAllBytes(file), file.getFileName().toString());
    }

    /** The bytes with zero bytes and BOMs dropped, as ISO-8859-1: ASCII survives in every encoding of the set. */
    private static String asciiView(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte b : data) {
            if (b != 0 && b != (byte) 0xFF && b != (byte) 0xFE) {
                out.write(b);
            }
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    private static Set<String> kbNumbers(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = KB.matcher(text);
        while (m.find()) {
            found.add(m.group(1).replaceFirst("^0+(?=\\d)", ""));
        }
        return found;
    }

    @Test
    void everyCaptureParsesAndListsEveryKbTheFileMentions() throws IOException {
        Path dir = Corpus.require(DIR);
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(69);
        int total = 0;
        for (Path f : files) {
            InstalledUpdates read = read(f);
            Set<String> expected = kbNumbers(asciiView(Files.readAllBytes(f)));
            Set<String> parsed = read.inventory().updates().stream().map(InstalledUpdate::id).filter(UpdateId::isKb)
                    .map(id -> id.value().substring(2)).collect(Collectors.toCollection(TreeSet::new));
            Set<String> kbPrefixed = read.inventory().updates().stream().map(u -> u.id().value())
                    .flatMap(v -> kbNumbers(v).stream()).collect(Collectors.toCollection(TreeSet::new));
            assertThat(kbPrefixed).as(f.getFileName() + " (" + read.format() + ")").containsAll(expected);
            // A parsed KB the regex did not see must be a bare number in the file (systeminfo's "943729").
            for (String extra : parsed) {
                if (!expected.contains(extra)) {
                    assertThat(asciiView(Files.readAllBytes(f))).as(f.getFileName().toString()).containsPattern("\\b" + extra + "\\b");
                }
            }
            total += read.listed();
        }
        System.out.println("parsed " + files.size() + " captures, " + total + " entries");
    }

    @Test
    void germanSysteminfoCutOffAfter245LinesSaysSo() throws IOException {
        InstalledUpdates read = read(file("7_sp1_x64_ultimaten_de_systeminfo.txt"));
        assertThat(read.format()).isEqualTo(CaptureFormat.SYSTEMINFO);
        assertThat(read.listed()).isEqualTo(245);
        assertThat(read.inventory().updates()).hasSize(242);
        assertThat(read.inventory().updates()).extracting(u -> u.id().value()).startsWith("KB2849697", "KB2849696",
                "KB2841134", "KB968211");
        assertThat(read.inventory().warnings()).anySatisfy(w -> assertThat(w).contains("cut-off numbered line"))
                .anySatisfy(w -> assertThat(w).contains("announces 263 hotfixes but 245 are listed"));
    }

    @Test
    void chineseSysteminfoInGbkListsItsOneHotfix() throws IOException {
        InstalledUpdates read = read(file("10_1809_x64_enterprise_zh-cn_systeminfo.txt"));
        assertThat(read.inventory().updates()).extracting(u -> u.id().value()).containsExactly("KB4464455");
        assertThat(read.inventory().warnings()).anyMatch(w -> w.contains("ISO-8859-1"));
    }

    @Test
    void russianSysteminfoSkipsTheNetworkCardLists() throws IOException {
        InstalledUpdates read = read(file("srv_2012r2_x64_standard_ru_systeminfo.txt"));
        assertThat(read.inventory().updates()).extracting(u -> u.id().value()).containsExactly("KB2919355",
                "KB2919442", "KB2937220", "KB2938772", "KB2939471", "KB2949621", "KB2999226");
    }

    @Test
    void xpSysteminfoKeepsTheQNumber() throws IOException {
        InstalledUpdates read = read(file("xp_sp2_x86_systeminfo.txt"));
        assertThat(read.inventory().updates()).extracting(u -> u.id().value()).containsExactly("Q147222");
        assertThat(read.inventory().host()).contains("WINXPSP2");
    }

    @Test
    void wmicTableInUtf16GivesDatesAndAccounts() throws IOException {
        InstalledUpdates read = read(file("10_1803_x64_proforworkstations_en-us_A_20190305_qfe.txt"));
        assertThat(read.format()).isEqualTo(CaptureFormat.WMIC_QFE_TABLE);
        InstalledUpdate first = read.inventory().updates().get(0);
        assertThat(first.id().value()).isEqualTo("KB4462930");
        assertThat(first.description()).isEqualTo("Update");
        assertThat(first.installedBy()).contains("NT AUTHORITY\\SYSTEM");
        assertThat(first.installedOn()).contains("3/2/2019");
    }

    @Test
    void xpWmicBehindAnAsciiBannerTakesTheKbOfFileRecords() throws IOException {
        InstalledUpdates read = read(file("xp_rtm_x86_professional_en-us_qfe.txt"));
        assertThat(read.inventory().updates()).extracting(u -> u.id().value())
                .containsExactly("KB893803V2", "Q147222");
        InstalledUpdates mixed = read(file("xp_sp2_x64_qfe.txt"));
        assertThat(mixed.inventory().warnings()).anyMatch(w -> w.contains("then UTF-16LE"));
        assertThat(mixed.inventory().host()).contains("USER-8CEF73C787");
    }

    @Test
    void emptyWmicCaptureIsAnEmptyInventory() throws IOException {
        InstalledUpdates read = read(file("10_1803_x64_proforworkstations_en-us_B_20190306_qfe.txt"));
        assertThat(read.format()).isEqualTo(CaptureFormat.EMPTY);
        assertThat(read.inventory().updates()).isEmpty();
    }

    @Test
    void kbListGivesTitles() throws IOException {
        InstalledUpdates read = read(file("10_1809_x64_education_en-us_20190306_updates.txt"));
        assertThat(read.format()).isEqualTo(CaptureFormat.KB_LIST);
        assertThat(read.inventory().updates()).singleElement()
                .satisfies(u -> assertThat(u.description()).startsWith("2019-02 Cumulative Update"));
    }

    @Test
    void unknownTextIsNotThisFormat() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> InstalledUpdatesReader.read(
                        "hello\r\nworld\r\n".getBytes(StandardCharsets.US_ASCII), "x.txt"))
                .isInstanceOfSatisfying(FormatException.class,
                        e -> assertThat(e.kind()).isEqualTo(FormatException.Kind.NOT_THIS_FORMAT));
    }
}
