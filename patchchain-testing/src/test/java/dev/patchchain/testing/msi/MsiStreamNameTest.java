package dev.patchchain.testing.msi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.patchchain.testing.Corpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.poi.poifs.filesystem.Entry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our stream-name encoding against the names msitools' {@code wixl} gives the streams of a database it builds. */
class MsiStreamNameTest {

    @Test
    void everyTableAndTheCabinetOfAWixlDatabaseHasTheNameWeEncode(@TempDir Path dir) throws Exception {
        Corpus.requireTool("wixl", "builds the database");
        Corpus.requireTool(MsiInfo.COMMAND, "lists its tables");
        Files.writeString(dir.resolve("a.txt"), "a");
        Files.writeString(dir.resolve("p.wxs"), """
                <?xml version="1.0" encoding="utf-8"?>
                <Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">
                  <Product Id="*" Name="N" Version="1.0.0" Manufacturer="M" Language="1033"
                           UpgradeCode="6A1D3B52-9C4E-4F0A-8B7D-2E5F1C3A9D31">
                    <Package InstallerVersion="200" Compressed="yes"/>
                    <Media Id="1" Cabinet="Data_1.cab" EmbedCab="yes"/>
                    <Directory Id="TARGETDIR" Name="SourceDir"><Directory Id="ProgramFilesFolder">
                      <Directory Id="D" Name="N"><Component Id="C" Guid="6A1D3B52-9C4E-4F0A-8B7D-2E5F1C3A9D32">
                        <File Id="a" Name="a.txt" Source="a.txt" KeyPath="yes"/></Component></Directory>
                    </Directory></Directory>
                    <Feature Id="F" Level="1"><ComponentRef Id="C"/></Feature>
                  </Product>
                </Wix>
                """);
        Process wixl = new ProcessBuilder("wixl", "-o", "p.msi", "p.wxs").directory(dir.toFile())
                .redirectErrorStream(true).start();
        String output = new String(wixl.getInputStream().readAllBytes());
        assertThat(wixl.waitFor(60, TimeUnit.SECONDS) && wixl.exitValue() == 0).as(output).isTrue();
        Path msi = dir.resolve("p.msi");

        Set<String> stored = new HashSet<>();
        try (POIFSFileSystem fs = new POIFSFileSystem(msi.toFile(), true)) {
            for (Entry e : fs.getRoot()) {
                stored.add(e.getName());
            }
        }
        List<String> tables = MsiInfo.tables(msi).stream().filter(t -> !t.startsWith("_")).toList();
        assertThat(tables).contains("File", "Component", "InstallExecuteSequence");
        for (String table : tables) {
            if (hasRows(msi, table)) {
                assertThat(stored).as("table %s", table).contains(MsiStreamName.table(table));
            }
        }
        assertThat(stored).contains(MsiStreamName.table("_StringPool"), MsiStreamName.table("_StringData"),
                MsiStreamName.table("_Columns"), MsiStreamName.stream("Data_1.cab"));
    }

    @Test
    void aNameTooLongForACompoundFileIsRefused() {
        assertThatThrownBy(() -> MsiStreamName.stream("a b c d e f g h i j k l m n o p q r s t u v w x y z"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("31");
        assertThat(MsiStreamName.stream("ab")).hasSize(1);
        assertThat(MsiStreamName.stream("abc")).hasSize(2);
        assertThat(MsiStreamName.stream("a b")).isEqualTo("\u4824 \u4825");
    }

    private static boolean hasRows(Path msi, String table) throws IOException {
        return MsiInfo.rows(msi, table).size() > 0;
    }
}
