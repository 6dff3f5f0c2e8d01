package dev.patchchain.testing.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchchain.core.version.FileVersion;
import dev.patchchain.formats.pe.PeVersionInfo;
import dev.patchchain.formats.pe.PeVersionReader;
import dev.patchchain.testing.Corpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Real third-party PE files of {@code corpus/pe} against the versions pefile and exiftool read from them, as listed
 * in {@code corpus/pe/ORACLE.tsv} (one row per file and tool; columns found by their header names). A file without
 * a listed fixed FileVersion must have no version resource; the string FileVersion, the machine and PE32/PE32+
 * must match too.
 */
class PeCorpusOracleTest {

    private static final Map<String, Integer> MACHINES = Map.of("AMD64", 0x8664, "I386", 0x14C, "ARM64", 0xAA64,
            "ARMNT", 0x1C4);

    @Test
    void everyListedFileHasTheListedVersions() throws IOException {
        Path oracle = Corpus.require("pe/ORACLE.tsv");
        List<String> lines = Files.readAllLines(oracle);
        List<String> header = List.of(lines.get(0).split("\t", -1));
        int fileColumn = header.indexOf("file");
        int fileVersionColumn = header.indexOf("FileVersion(fixed)");
        int productVersionColumn = header.indexOf("ProductVersion(fixed)");
        int fileVersionTextColumn = header.indexOf("FileVersion(string)");
        int machineColumn = header.indexOf("machine");
        int formatColumn = header.indexOf("pe_format");
        assertThat(List.of(fileColumn, fileVersionColumn, productVersionColumn, fileVersionTextColumn, machineColumn,
                formatColumn))
                .as("ORACLE.tsv header " + header).doesNotContain(-1);

        SoftAssertions softly = new SoftAssertions();
        List<String> versioned = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] row = line.split("\t", -1);
            String name = row[fileColumn];
            PeVersionInfo info = PeVersionReader.read(oracle.resolveSibling(name));
            String fileVersion = row[fileVersionColumn];
            String productVersion = row[productVersionColumn];
            if (fileVersion.isEmpty()) {
                softly.assertThat(info.fileVersion()).as(name + " file version").isEmpty();
                softly.assertThat(info.productVersion()).as(name + " product version").isEmpty();
            } else {
                versioned.add(name);
                softly.assertThat(info.fileVersion()).as(name + " file version").contains(FileVersion.parse(fileVersion));
            }
            if (!productVersion.isEmpty()) {
                softly.assertThat(info.productVersion()).as(name + " product version")
                        .contains(FileVersion.parse(productVersion));
            }
            softly.assertThat(info.string("FileVersion").orElse("")).as(name + " FileVersion string")
                    .isEqualTo(row[fileVersionTextColumn]);
            softly.assertThat(info.machine()).as(name + " machine " + row[machineColumn])
                    .isEqualTo(MACHINES.getOrDefault(row[machineColumn], -1));
            softly.assertThat(info.pe32Plus()).as(name + " format").isEqualTo("PE32+".equals(row[formatColumn]));
        }
        softly.assertAll();
        System.out.println("[oracle] " + (lines.size() - 1) + " ORACLE.tsv rows checked, " + versioned.size()
                + " of them with a fixed version");
        assertThat(versioned).as("rows with a fixed version").hasSizeGreaterThan(10);
    }
}
