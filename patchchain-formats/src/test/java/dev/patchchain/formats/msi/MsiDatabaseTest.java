package dev.patchchain.formats.msi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.patchchain.formats.FormatException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** MSIs built with {@code wixl}: every row of the five tables we use equals {@code msiinfo export}'s. */
class MsiDatabaseTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"File", "Component", "Directory", "Registry", "Property"})
    void tablesMatchMsiinfoExport(String table) throws Exception {
        Path msi = MsiFixtures.tool(dir);
        MsiTable ours;
        try (MsiDatabase db = MsiDatabase.open(msi)) {
            ours = db.table(table).orElseThrow();
        }
        List<List<String>> rows = new ArrayList<>();
        for (Map<String, Object> row : ours.rows()) {
            List<String> cells = new ArrayList<>();
            for (String column : ours.columns()) {
                Object v = row.get(column);
                cells.add(v == null ? "" : v.toString());
            }
            rows.add(cells);
        }
        assertThat(rows).containsExactlyInAnyOrderElementsOf(MsiTools.export(msi, table));
    }

    @Test
    void aMissingTableIsEmpty() throws Exception {
        try (MsiDatabase db = MsiDatabase.open(MsiFixtures.tool(dir))) {
            assertThat(db.table("NoSuchTable")).isEmpty();
        }
    }

    @Test
    void notACompoundFile() throws Exception {
        Path f = Files.writeString(dir.resolve("x.msi"), "this is not a compound file at all");
        assertThatThrownBy(() -> MsiDatabase.open(f))
                .isInstanceOfSatisfying(FormatException.class,
                        e -> assertThat(e.kind()).isEqualTo(FormatException.Kind.NOT_THIS_FORMAT));
    }
}
