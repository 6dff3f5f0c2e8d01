package dev.patchchain.formats.pendingxml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.patchchain.core.path.PathContext;
import dev.patchchain.core.queue.PendingOperation;
import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.TextFormatException;
import dev.patchchain.formats.pendingxml.PendingXml.FileKind;
import dev.patchchain.formats.pendingxml.PendingXml.RegistryKind;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PendingXmlReaderTest {

    /** The shape servicing writes: a transaction header, then the primitive operations queue. */
    static final String REALISTIC = """
            <?xml version='1.0' encoding='utf-8'?>
            <PendingTransaction Version="3.1" WcpVersion="10.0.19041.1 (WinBuild.160101.0800)" Identifier="916b1a55a3d2d801a1020000c40b1c0d">
              <Transactions>
                <Install>
                  <Package id="Package_for_RollupFix~31bf3856ad364e35~amd64~~19041.3693.1.7"/>
                </Install>
              </Transactions>
              <POQ postAction="reboot">
                <CreateDirectory path="\\SystemRoot\\WinSxS\\Temp\\PendingRenames" attributes="0x00000010"/>
                <HardlinkFile source="\\SystemRoot\\WinSxS\\amd64_microsoft-windows-ntdll_31bf3856ad364e35_10.0.19041.3693_none_abcdef0123456789\\ntdll.dll" destination="\\SystemRoot\\System32\\ntdll.dll"/>
                <MoveFile source="\\SystemRoot\\WinSxS\\Temp\\PendingRenames\\a1b2c3.kernel32.dll" destination="\\SystemRoot\\System32\\kernel32.dll"/>
                <DeleteFile path="\\SystemRoot\\WinSxS\\Temp\\PendingDeletes\\$$DeleteMe.old.dll"/>
                <SetFileInformation path="\\SystemRoot\\System32\\ntdll.dll" flags="0x00000006"/>
                <CreateKey path="\\Registry\\Machine\\COMPONENTS\\DerivedData\\Components\\amd64_ntdll"/>
                <SetKeyValue path="\\Registry\\Machine\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion" name="UBR" type="0x00000004" encoding="base64" value="bQ4AAA=="/>
                <DeleteKeyValue path="\\Registry\\Machine\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion" name="Old"/>
                <DeleteKey path="\\Registry\\Machine\\COMPONENTS\\DerivedData\\Components\\amd64_ntdll_old"/>
              </POQ>
            </PendingTransaction>
            """;

    @Test
    void readsFileAndRegistryOperationsInOrder() throws FormatException {
        PendingXml xml = PendingXmlReader.read(REALISTIC.getBytes(StandardCharsets.UTF_8), "pending.xml");
        assertThat(xml.fileOperations()).extracting(PendingXml.FileOperation::kind).containsExactly(
                FileKind.CREATE_DIRECTORY, FileKind.HARDLINK, FileKind.MOVE, FileKind.DELETE,
                FileKind.SET_FILE_INFORMATION);
        assertThat(xml.fileOperations().get(2).path()).isEqualTo("\\SystemRoot\\System32\\kernel32.dll");
        assertThat(xml.fileOperations().get(2).line()).isEqualTo(11);
        assertThat(xml.registryOperations()).extracting(PendingXml.RegistryOperation::kind).containsExactly(
                RegistryKind.CREATE_KEY, RegistryKind.SET_KEY_VALUE, RegistryKind.DELETE_KEY_VALUE,
                RegistryKind.DELETE_KEY);
        assertThat(xml.registryOperations().get(1).name()).isEqualTo("UBR");
    }

    @Test
    void fileOperationsBecomeRenamesAndDeletesAfterTheRegistryQueue() throws FormatException {
        PendingXml xml = PendingXmlReader.read(REALISTIC.getBytes(StandardCharsets.UTF_8), "pending.xml");
        List<PendingOperation> ops = xml.toPendingOperations(PathContext.DEFAULT);
        assertThat(ops).hasSize(3);
        assertThat(ops.get(1)).isInstanceOfSatisfying(PendingOperation.Rename.class, r -> {
            assertThat(r.target().toString()).containsIgnoringCase("C:\\Windows\\System32\\kernel32.dll");
            assertThat(r.replaceExisting()).isTrue();
            assertThat(r.origin().fromFile()).isTrue();
            assertThat(r.origin().toString()).isEqualTo("WinSxS\\pending.xml[2]");
        });
        assertThat(ops.get(2)).isInstanceOf(PendingOperation.Delete.class);
    }

    /**
     * The one operation a public page quotes from a real file (docs/formats/pending-xml.md#what-is-confirmed): a
     * Vista hard link whose destination is a {@code \??\C:} path, not {@code \SystemRoot}; and the checkpoint
     * Microsoft's servicing blog says separates critical from non-critical operations, as an element of the POQ
     * (its exact name is not published: whatever it is called, it must be skipped, not fail the file).
     */
    @Test
    void publishedVistaHardlinkWithADevicePathDestination() throws FormatException {
        String xml = """
                <?xml version='1.0' encoding='utf-8'?>
                <PendingTransaction Version="2.0">
                  <POQ>
                    <HardlinkFile source="\\SystemRoot\\WinSxS\\x86_microsoft-windows-ie-internetexplorer_31bf3856ad364e35_6.0.6000.16609_none_0123456789abcdef\\iexplore.exe" destination="\\??\\C:\\Program Files\\Internet Explorer\\iexplore.exe"/>
                    <Checkpoint/>
                    <DeleteFile path="\\SystemRoot\\WinSxS\\Temp\\PendingDeletes\\old.dll"/>
                  </POQ>
                </PendingTransaction>
                """;

        PendingXml read = PendingXmlReader.read(xml.getBytes(StandardCharsets.UTF_8), "pending.xml");
        List<PendingOperation> ops = read.toPendingOperations(PathContext.DEFAULT);

        assertThat(read.fileOperations()).extracting(PendingXml.FileOperation::kind)
                .containsExactly(FileKind.HARDLINK, FileKind.DELETE);
        assertThat(ops.get(0)).isInstanceOfSatisfying(PendingOperation.Rename.class, r -> {
            assertThat(r.target().toString()).isEqualToIgnoringCase("C:\\Program Files\\Internet Explorer\\iexplore.exe");
            assertThat(r.source().toString()).startsWithIgnoringCase("C:\\Windows\\WinSxS\\x86_microsoft-windows-ie");
        });
    }

    @Test
    void missingAttributeFailsWithItsLine() {
        String xml = "<?xml version='1.0'?>\n<PendingTransaction>\n<POQ>\n<MoveFile source=\"\\SystemRoot\\a\"/>\n</POQ>\n"
                + "</PendingTransaction>\n";
        assertThatThrownBy(() -> PendingXmlReader.read(xml.getBytes(StandardCharsets.UTF_8), "pending.xml"))
                .isInstanceOfSatisfying(TextFormatException.class, e -> {
                    assertThat(e.line()).isEqualTo(4);
                    assertThat(e.kind()).isEqualTo(FormatException.Kind.CORRUPT);
                    assertThat(e.getMessage()).contains("line 4").contains("destination");
                });
    }

    @Test
    void malformedXmlFailsWithItsLine() {
        String xml = "<PendingTransaction>\n<POQ>\n<DeleteFile path=\"x\">\n</POQ>\n</PendingTransaction>\n";
        assertThatThrownBy(() -> PendingXmlReader.read(xml.getBytes(StandardCharsets.UTF_8), "pending.xml"))
                .isInstanceOfSatisfying(TextFormatException.class, e -> {
                    assertThat(e.line()).isEqualTo(4);
                    assertThat(e.kind()).isEqualTo(FormatException.Kind.CORRUPT);
                });
    }

    @Test
    void doctypeAndEntitiesAreRefused() {
        String xml = "<?xml version='1.0'?>\n<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n"
                + "<PendingTransaction><POQ><DeleteFile path=\"&e;\"/></POQ></PendingTransaction>";
        assertThatThrownBy(() -> PendingXmlReader.read(xml.getBytes(StandardCharsets.UTF_8), "pending.xml"))
                .isInstanceOfSatisfying(TextFormatException.class,
                        e -> assertThat(e.kind()).isEqualTo(FormatException.Kind.UNSUPPORTED));
    }

    @Test
    void anotherRootIsNotThisFormat() {
        assertThatThrownBy(() -> PendingXmlReader.read("<assembly/>".getBytes(StandardCharsets.UTF_8), "x.xml"))
                .isInstanceOfSatisfying(TextFormatException.class,
                        e -> assertThat(e.kind()).isEqualTo(FormatException.Kind.NOT_THIS_FORMAT));
    }

    @Test
    void emptyInputFailsTyped() {
        assertThatThrownBy(() -> PendingXmlReader.read(new byte[0], "x.xml")).isInstanceOf(TextFormatException.class);
    }
}
