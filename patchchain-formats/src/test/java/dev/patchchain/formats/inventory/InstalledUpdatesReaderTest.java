package dev.patchchain.formats.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.patchchain.core.verify.InstalledUpdate;
import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.TextFormatException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The capture kinds the corpus has no example of, written here in the shape the tools print (recipe: the tool's
 * documented output, property names from Win32_QuickFixEngineering), and the typed errors.
 */
class InstalledUpdatesReaderTest {

    private static InstalledUpdates read(String text) throws FormatException {
        return InstalledUpdatesReader.read(text.getBytes(StandardCharsets.UTF_8), "capture.txt");
    }

    private static InstalledUpdates readUtf16(String text) throws FormatException {
        byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] data = new byte[body.length + 2];
        data[0] = (byte) 0xFF;
        data[1] = (byte) 0xFE;
        System.arraycopy(body, 0, data, 2, body.length);
        return InstalledUpdatesReader.read(data, "capture.txt");
    }

    private static final String GET_HOTFIX = """

            Source        Description      HotFixID      InstalledBy          InstalledOn
            ------        -----------      --------      -----------          -----------
            DESKTOP-1     Update           KB4462930     NT AUTHORITY\\SYSTEM  3/2/2019 12:00:00 AM
            DESKTOP-1     Security Update  KB4485449     NT AUTHORITY\\SYSTEM  3/2/2019 12:00:00 AM


            """;

    @Test
    void getHotFixTable() throws FormatException {
        InstalledUpdates read = readUtf16(GET_HOTFIX.replace("\n", "\r\n"));
        assertThat(read.format()).isEqualTo(CaptureFormat.GET_HOTFIX_TABLE);
        assertThat(read.inventory().host()).contains("DESKTOP-1");
        InstalledUpdate second = read.inventory().updates().get(1);
        assertThat(second.id().value()).isEqualTo("KB4485449");
        assertThat(second.description()).isEqualTo("Security Update");
        assertThat(second.installedOn()).contains("3/2/2019 12:00:00 AM");
        assertThat(second.source()).isEqualTo("Get-HotFix");
    }

    @Test
    void getHotFixList() throws FormatException {
        InstalledUpdates read = read("""

                Source      : DESKTOP-1
                Description : Update
                HotFixID    : KB4462930
                InstalledBy : NT AUTHORITY\\SYSTEM
                InstalledOn : 3/2/2019 12:00:00 AM

                Source      : DESKTOP-1
                Description : Security Update
                HotFixID    : KB4485449
                InstalledBy : NT AUTHORITY\\SYSTEM
                InstalledOn :
                """);
        assertThat(read.format()).isEqualTo(CaptureFormat.GET_HOTFIX_LIST);
        assertThat(read.inventory().updates()).extracting(u -> u.id().value()).containsExactly("KB4462930", "KB4485449");
        assertThat(read.inventory().updates().get(1).installedOn()).isEmpty();
    }

    @Test
    void wmicListFull() throws FormatException {
        InstalledUpdates read = read("""


                Caption=http://support.microsoft.com/?kbid=4462930
                CSName=DESKTOP-1
                Description=Update
                FixComments=
                HotFixID=KB4462930
                InstallDate=
                InstalledBy=NT AUTHORITY\\SYSTEM
                InstalledOn=3/2/2019
                Name=
                ServicePackInEffect=
                Status=


                Caption=
                CSName=DESKTOP-1
                Description=Security Update
                FixComments=
                HotFixID=KB4485449
                InstallDate=
                InstalledBy=
                InstalledOn=
                Name=
                ServicePackInEffect=
                Status=
                """.replace("\n", "\r\n"));
        assertThat(read.format()).isEqualTo(CaptureFormat.WMIC_QFE_LIST);
        assertThat(read.inventory().host()).contains("DESKTOP-1");
        assertThat(read.inventory().updates()).extracting(u -> u.id().value()).containsExactly("KB4462930", "KB4485449");
        assertThat(read.inventory().updates().get(0).installedBy()).contains("NT AUTHORITY\\SYSTEM");
    }

    @Test
    void wmicCsv() throws FormatException {
        InstalledUpdates read = readUtf16("""
                \r
                Node,Caption,CSName,Description,FixComments,HotFixID,InstallDate,InstalledBy,InstalledOn,Name,ServicePackInEffect,Status\r
                DESKTOP-1,http://support.microsoft.com/?kbid=4462930,DESKTOP-1,Update,,KB4462930,,NT AUTHORITY\\SYSTEM,3/2/2019,,,\r
                """);
        assertThat(read.format()).isEqualTo(CaptureFormat.WMIC_QFE_CSV);
        assertThat(read.inventory().updates()).singleElement().satisfies(u -> {
            assertThat(u.id().value()).isEqualTo("KB4462930");
            assertThat(u.installedOn()).contains("3/2/2019");
        });
    }

    @Test
    void wmicCsvRowWithTheWrongFieldCountFailsWithItsLine() {
        assertThatThrownBy(() -> read("Node,HotFixID,InstalledOn\nPC,KB1,1/1/2020\nPC,KB2\n"))
                .isInstanceOfSatisfying(TextFormatException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.kind()).isEqualTo(FormatException.Kind.CORRUPT);
                    assertThat(e.getMessage()).startsWith("capture.txt: line 3: expected 3 comma-separated fields");
                });
    }

    @Test
    void wmicTableRowWithoutAnIdFailsWithItsLine() {
        assertThatThrownBy(() -> read("Description  HotFixID   InstalledOn\nUpdate       KB1        1/1/2020\nUpdate\n"))
                .isInstanceOfSatisfying(TextFormatException.class, e -> assertThat(e.line()).isEqualTo(3));
    }

    @Test
    void kbListWithAStrayLineFailsWithItsLine() {
        assertThatThrownBy(() -> read("KB1: one\nKB2: two\nsomething else\n"))
                .isInstanceOfSatisfying(TextFormatException.class, e -> assertThat(e.line()).isEqualTo(3));
    }

    @Test
    void systeminfoWithoutHotfixesIsEmptyWithAWarning() throws FormatException {
        InstalledUpdates read = read("""
                Host Name:                 PC1
                Processor(s):              1 Processor(s) Installed.
                                           [01]: x86 Family 6 Model 78 Stepping 3 GenuineIntel ~2496 Mhz
                Hotfix(s):                 N/A
                Network Card(s):           1 NIC(s) Installed.
                                           [01]: VMware Accelerated AMD PCNet Adapter
                                                 Connection Name: Local Area Connection
                """);
        assertThat(read.inventory().updates()).isEmpty();
        assertThat(read.inventory().host()).contains("PC1");
        assertThat(read.inventory().warnings()).singleElement().asString().contains("no hotfix list");
    }

    @Test
    void randomBytesParseOrFailTyped() {
        long seed = new Random().nextLong();
        System.out.println("InstalledUpdatesReaderTest seed " + seed);
        Random random = new Random(seed);
        byte[] base = GET_HOTFIX.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 2000; i++) {
            byte[] data = base.clone();
            for (int flips = random.nextInt(8); flips >= 0; flips--) {
                data[random.nextInt(data.length)] = (byte) random.nextInt(256);
            }
            byte[] cut = java.util.Arrays.copyOf(data, random.nextInt(data.length + 1));
            try {
                InstalledUpdatesReader.read(cut, "random.txt");
            } catch (FormatException expected) {
                // typed failure is allowed
            }
        }
    }
}
