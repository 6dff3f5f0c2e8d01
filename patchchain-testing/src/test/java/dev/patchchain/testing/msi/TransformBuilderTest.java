package dev.patchchain.testing.msi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.poifs.filesystem.DocumentEntry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Test;

/**
 * The bytes {@link TransformBuilder} writes, laid out by hand from docs/formats/msi.md (string pool, transform rows);
 * Wine applying them is {@code MsiTransformWineOracleTest}'s part.
 */
class TransformBuilderTest {

    private static final TableSchema T = new TableSchema("T", List.of(new ColumnSpec("Key", "s72", true),
            new ColumnSpec("Num", "i2", false), new ColumnSpec("Big", "I4", false), new ColumnSpec("Text", "S255", false)));

    @Test
    void insertUpdateAndDeleteRowsAreLaidOutAsTheFormatSays() throws IOException {
        TransformBuilder t = new TransformBuilder(1252);
        Map<String, Object> insert = new LinkedHashMap<>();
        insert.put("Key", "a");
        insert.put("Num", 1);
        insert.put("Big", null);
        insert.put("Text", "é");
        Map<String, Object> toNull = new LinkedHashMap<>();
        toNull.put("Text", null);
        t.table(T).insert(insert).update(Map.of("Key", "a"), toNull).update(Map.of("Key", "a"), Map.of("Big", -2))
                .delete(Map.of("Key", "a"));
        Map<String, byte[]> streams = streams(t.toBytes(new SummaryStream()));

        assertThat(hex(streams.get(MsiStreamName.table("T")))).isEqualTo(
                "0104" + "0100" + "0180" + "00000000" + "0200"  // insert, 4 columns: a, 1, null, é
                        + "0800" + "0100" + "0000"               // update, bit 3: Text = null
                        + "0400" + "0100" + "feffff7f"           // update, bit 2: Big = -2
                        + "0000" + "0100");                      // delete a
        assertThat(hex(streams.get(MsiStreamName.table("_StringPool"))))
                .isEqualTo("e4040000" + "01000400" + "01000100");  // code page 1252; "a" 4 references, "é" 1
        assertThat(hex(streams.get(MsiStreamName.table("_StringData")))).isEqualTo("61e9");
        assertThat(streams).containsKey("\u0005SummaryInformation");
    }

    @Test
    void longStringRefsSetBit15OfThePoolHeaderAndWriteThreeByteIds() throws IOException {
        TransformBuilder t = new TransformBuilder(65001).longStringRefs();
        t.table(T).delete(Map.of("Key", "ü"));
        Map<String, byte[]> streams = streams(t.toBytes(new SummaryStream()));
        assertThat(hex(streams.get(MsiStreamName.table("T")))).isEqualTo("0000" + "010000");
        assertThat(hex(streams.get(MsiStreamName.table("_StringPool")))).isEqualTo("e9fd0080" + "02000100");
        assertThat(hex(streams.get(MsiStreamName.table("_StringData")))).isEqualTo("c3bc");
    }

    @Test
    void aNewTableComesWithItsCatalogRows() throws IOException {
        TransformBuilder t = new TransformBuilder(1252);
        t.addTable(new TableSchema("N", List.of(new ColumnSpec("Id", "s38", true), new ColumnSpec("V", "i2", false))))
                .insert(Map.of("Id", "x", "V", 0));
        Map<String, byte[]> streams = streams(t.toBytes(new SummaryStream()));
        // _Tables: one insert of 1 column, "N" (id 1)
        assertThat(hex(streams.get(MsiStreamName.table("_Tables")))).isEqualTo("0101" + "0100");
        // _Columns: N/1/Id/0x2D26 (key s38) and N/2/V/0x0502 (i2), each i2 plus 0x8000; strings N=1, Id=2, V=3
        assertThat(hex(streams.get(MsiStreamName.table("_Columns")))).isEqualTo(
                "0104" + "0100" + "0180" + "0200" + "26ad" + "0104" + "0100" + "0280" + "0300" + "0285");
        assertThat(hex(streams.get(MsiStreamName.table("N")))).isEqualTo("0102" + "0400" + "0080");
    }

    @Test
    void changesTheFormatCannotCarryAreRefused() {
        TableChanges changes = new TransformBuilder(1252).table(T);
        assertThatThrownBy(() -> changes.update(Map.of("Key", "a"), Map.of("Key", "b")))
                .hasMessageContaining("key column Key cannot be updated");
        assertThatThrownBy(() -> changes.update(Map.of("Key", "a"), Map.of()))
                .hasMessageContaining("must change a column");
        assertThatThrownBy(() -> changes.insert(Map.of("Key", "a", "Num", "one")))
                .hasMessageContaining("T.Num (i2) cannot hold String one");
        assertThatThrownBy(() -> changes.insert(Map.of("Key", "a", "Num", 40000)))
                .hasMessageContaining("does not fit i2");
        assertThatThrownBy(() -> changes.delete(Map.of("Num", 1)))
                .hasMessageContaining("key column T.Key has no value");
        assertThatThrownBy(() -> changes.insert(Map.of("Key", "a", "Nope", 1)))
                .hasMessageContaining("has no column Nope");
        TransformBuilder cp1252 = new TransformBuilder(1252);
        cp1252.table(T).insert(Map.of("Key", "\u4e00", "Num", 1));
        assertThatThrownBy(() -> cp1252.toBytes(new SummaryStream())).hasMessageContaining("code page 1252");
    }

    private static Map<String, byte[]> streams(byte[] file) throws IOException {
        Map<String, byte[]> streams = new LinkedHashMap<>();
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(file))) {
            assertThat(fs.getRoot().getStorageClsid()).isEqualTo(TransformBuilder.TRANSFORM_CLSID);
            for (org.apache.poi.poifs.filesystem.Entry e : fs.getRoot()) {
                try (InputStream in = fs.getRoot().createDocumentInputStream((DocumentEntry) e)) {
                    streams.put(e.getName(), in.readAllBytes());
                }
            }
        }
        return streams;
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
