package dev.patchchain.formats.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.patchchain.core.verify.UpdateCatalog;
import dev.patchchain.core.verify.UpdateId;
import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.TextFormatException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The catalog document: round trip, and one typed error per rule. */
class UpdateCatalogFormatTest {

    private static final String DOC = """
            {
              "format": "patchchain-update-catalog",
              "version": 1,
              "updates": [
                {
                  "kb": "KB3146706",
                  "title": "MS16-039",
                  "supersedes": ["KB3109094"],
                  "files": [
                    {"path": "C:\\\\Windows\\\\System32\\\\win32k.sys", "version": "6.1.7601.23403"},
                    {"path": "C:\\\\Windows\\\\System32\\\\gdi32.dll", "sha256": "%s"}
                  ]
                },
                {"kb": "3109094", "files": []}
              ]
            }
            """.formatted("ab".repeat(32));

    private static UpdateCatalog read(String json) throws FormatException {
        return UpdateCatalogFormat.read(json.getBytes(StandardCharsets.UTF_8), "catalog.json");
    }

    @Test
    void readsAndWritesBackTheSameCatalog() throws FormatException {
        UpdateCatalog catalog = read(DOC);
        assertThat(catalog.updates()).hasSize(2);
        assertThat(catalog.find(UpdateId.parse("KB3109094"))).isPresent();
        assertThat(catalog.supersededBy(UpdateId.parse("KB3109094"))).containsExactly(UpdateId.parse("KB3146706"));
        byte[] written = UpdateCatalogFormat.write(catalog);
        assertThat(UpdateCatalogFormat.read(written, "again.json")).isEqualTo(catalog);
        assertThat(new String(written, StandardCharsets.UTF_8)).contains("\"version\": \"6.1.7601.23403\"");
    }

    @Test
    void unknownFieldFailsWithLineAndPointer() {
        assertThatThrownBy(() -> read(DOC.replace("\"title\"", "\"tittle\"")))
                .isInstanceOfSatisfying(TextFormatException.class, e -> {
                    assertThat(e.line()).isPositive();
                    assertThat(e.getMessage()).contains("at /updates/0/tittle: unknown field");
                });
    }

    @Test
    void badVersionPathHashAndDuplicatesFailWithThePointer() {
        assertThatThrownBy(() -> read(DOC.replace("6.1.7601.23403", "6.1.x")))
                .hasMessageContaining("at /updates/0/files/0/version:");
        assertThatThrownBy(() -> read(DOC.replace("C:\\\\Windows\\\\System32\\\\win32k.sys", "win32k.sys")))
                .hasMessageContaining("at /updates/0/files/0/path:");
        assertThatThrownBy(() -> read(DOC.replace("ab".repeat(32), "xyz")))
                .hasMessageContaining("at /updates/0/files/1/sha256: expected 64 hex digits");
        assertThatThrownBy(() -> read(DOC.replace("\"3109094\"", "\"kb3146706\"")))
                .hasMessageContaining("at /updates/1/kb: KB3146706 is listed twice");
        assertThatThrownBy(() -> read(DOC.replace("\"sha256\": \"" + "ab".repeat(32) + "\"", "\"version\": null")))
                .hasMessageContaining("a file needs a version, a sha256 or both");
    }

    @Test
    void otherDocumentsAreNotThisFormat() {
        assertThatThrownBy(() -> read("{\"format\": \"patchchain-queue\", \"version\": 1}"))
                .isInstanceOfSatisfying(FormatException.class,
                        e -> assertThat(e.kind()).isEqualTo(FormatException.Kind.NOT_THIS_FORMAT));
        assertThatThrownBy(() -> read(DOC.replace("\"version\": 1", "\"version\": 2")))
                .isInstanceOfSatisfying(FormatException.class,
                        e -> assertThat(e.kind()).isEqualTo(FormatException.Kind.UNSUPPORTED));
    }
}
