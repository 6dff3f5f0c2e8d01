package dev.patchchain.formats.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.patchchain.core.path.PathContext;
import dev.patchchain.core.path.WinPath;
import dev.patchchain.core.queue.MultiSz;
import dev.patchchain.core.queue.PendingOperation;
import dev.patchchain.core.queue.PendingQueue;
import dev.patchchain.core.queue.QueueValueName;
import dev.patchchain.core.version.FileVersion;
import dev.patchchain.core.volume.FileFacts;
import dev.patchchain.core.volume.InMemoryVolume;
import dev.patchchain.core.volume.PathState;
import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.Fixtures;
import dev.patchchain.formats.RandomQueues;
import dev.patchchain.formats.TextFormatException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonQueueFormatTest {

    private static JsonQueueDocument read(String json) throws FormatException {
        return JsonQueueFormat.read(json.getBytes(StandardCharsets.UTF_8), "q.json");
    }

    @Test
    void readsTheDocumentedExample() throws Exception {
        JsonQueueDocument doc = JsonQueueFormat.read(new ByteArrayInputStream(Fixtures.bytes("json/example.json")), "example.json");
        List<PendingOperation> ops = doc.queue().operations();
        assertThat(ops).hasSize(3);
        assertThat(((PendingOperation.Rename) ops.get(0)).replaceExisting()).isTrue();
        assertThat(ops.get(2).origin().value()).isEqualTo(QueueValueName.PENDING_FILE_RENAME_OPERATIONS_2);
        assertThat(doc.queue().encode(QueueValueName.PENDING_FILE_RENAME_OPERATIONS_2).orElseThrow()).hasSize(24);
        assertThat(doc.systemRoot()).contains(WinPath.parse("C:\\Windows"));
        InMemoryVolume volume = doc.volume().orElseThrow();
        assertThat(volume.stat(WinPath.parse("C:\\Windows\\System32\\kernel32.dll")))
                .isEqualTo(PathState.file(FileFacts.versioned(819200, FileVersion.parse("10.0.19041.3570"))));
        assertThat(volume.stat(WinPath.parse("C:\\Windows\\Temp\\old.sys")))
                .isEqualTo(PathState.file(FileFacts.unversioned(-1, "no VERSIONINFO resource")));
        assertThat(volume.stat(WinPath.parse("C:\\Windows\\Temp\\empty"))).isEqualTo(PathState.DIRECTORY);
    }

    @Test
    void theExampleInTheFormatDocIsTheFixture() throws Exception {
        String root = System.getenv().getOrDefault("PATCHCHAIN_REPO_ROOT", "..");
        String doc = Files.readString(Path.of(root, "docs", "formats", "json-queue.md"));
        int start = doc.indexOf("```json\n") + "```json\n".length();
        String example = doc.substring(start, doc.indexOf("```", start));
        assertThat(example).isEqualTo(new String(Fixtures.bytes("json/example.json"), StandardCharsets.UTF_8));
    }

    @Test
    void writesStringsForWellFormedValuesAndHexOtherwise() throws Exception {
        byte[] odd = {0x61, 0, 0};
        PendingQueue queue = PendingQueue.decode(MultiSz.of(List.of("\\??\\C:\\a", "")).encode(), odd, PathContext.DEFAULT);
        String json = new String(JsonQueueFormat.write(JsonQueueDocument.of(queue)), StandardCharsets.UTF_8);
        assertThat(json).isEqualTo("""
                {
                  "format": "patchchain-queue",
                  "version": 1,
                  "values": {
                    "PendingFileRenameOperations": {
                      "strings": [
                        "\\\\??\\\\C:\\\\a",
                        ""
                      ]
                    },
                    "PendingFileRenameOperations2": {
                      "hex": "610000"
                    }
                  }
                }
                """);
        assertThat(read(json).queue()).isEqualTo(queue);
    }

    @Test
    void theExampleRoundTrips() throws Exception {
        JsonQueueDocument doc = JsonQueueFormat.read(Fixtures.bytes("json/example.json"), "example.json");
        byte[] written = JsonQueueFormat.write(doc);
        JsonQueueDocument back = JsonQueueFormat.read(written, "again.json");
        assertThat(back.queue()).isEqualTo(doc.queue());
        assertThat(back.volume().orElseThrow().snapshot()).isEqualTo(doc.volume().orElseThrow().snapshot());
        assertThat(back.systemRoot()).isEqualTo(doc.systemRoot());
        assertThat(JsonQueueFormat.write(back)).isEqualTo(written);
    }

    @Test
    void seededRandomQueuesRoundTripExactly() throws Exception {
        Random random = Fixtures.random("json round trip");
        for (int round = 0; round < 300; round++) {
            byte[] first = random.nextInt(4) == 0 ? null : RandomQueues.valueBytes(random);
            byte[] second = random.nextInt(2) == 0 ? null : RandomQueues.valueBytes(random);
            PendingQueue queue = PendingQueue.decode(first, second, PathContext.DEFAULT);
            JsonQueueDocument back = JsonQueueFormat.read(JsonQueueFormat.write(JsonQueueDocument.of(queue)), "r.json");
            assertThat(back.queue()).as("round %d", round).isEqualTo(queue);
            for (QueueValueName name : QueueValueName.values()) {
                assertThat(back.queue().encode(name).map(MultiSz::decode)).isEqualTo(queue.encode(name).map(MultiSz::decode));
            }
        }
    }

    @Test
    void strictErrorsWithLineColumnAndPointer() {
        String ok = "{\"format\":\"patchchain-queue\",\"version\":1,\"values\":{}}";
        assertThat(catchRead(ok)).isNull();
        assertError("{\"format\":\"patchchain-queue\",\"version\":1,\"values\":{},\n \"extra\":1}",
                "line 2, column", "unknown field \"extra\"");
        assertError("{\"format\":\"patchchain-queue\",\"version\":1,\"values\":{\"PendingFileRenameOperations\":{\"strings\":[],\"bogus\":0}}}",
                "line 1", "at /values/PendingFileRenameOperations/bogus: unknown field \"bogus\"");
        assertError("{\"format\":\"patchchain-queue\",\"version\":\"1\",\"values\":{}}", "line 1", "at /version");
        assertError("{\"format\":\"patchchain-queue\",\"version\":1,\"version\":1,\"values\":{}}", "line 1", "Duplicate field");
        assertError(ok + " []", "line 1", "unexpected content after the document");
        assertError("{\"format\":\"other\",\"version\":1,\"values\":{}}", "at /format", "expected \"patchchain-queue\"");
        assertError("{\"format\":\"patchchain-queue\",\"version\":2,\"values\":{}}", "at /version", "expected 1");
        assertError("{\"format\":\"patchchain-queue\",\"version\":1}", "at /values", "required");
        assertError("{\"format\":\"patchchain-queue\",\"version\":1,\"values\":{\"Pending\":{\"strings\":[]}}}",
                "at /values/Pending", "unknown value name");
        assertError("{\"format\":\"patchchain-queue\",\"version\":1,\"values\":{\"PendingFileRenameOperations\":{\"strings\":[],\"hex\":\"\"}}}",
                "at /values/PendingFileRenameOperations", "exactly one");
        assertError("{\"format\":\"patchchain-queue\",\"version\":1,\"values\":{\"PendingFileRenameOperations\":{\"hex\":\"abc\"}}}",
                "at /values/PendingFileRenameOperations/hex", "even number");
        assertError("{\"format\":\"patchchain-queue\",\"version\":1,\"values\":{\"PendingFileRenameOperations\":{\"strings\":[\"a\\u0000b\"]}}}",
                "at /values/PendingFileRenameOperations/strings/0", "without NUL");
        assertError("{\"format\":\"patchchain-queue\",\"version\":1,\"values\":{},\"volume\":[{\"path\":\"relative\",\"type\":\"file\"}]}",
                "at /volume/0/path", "relative path");
        assertError("{\"format\":\"patchchain-queue\",\"version\":1,\"values\":{},\"volume\":[{\"path\":\"C:\\\\a\",\"type\":\"link\"}]}",
                "at /volume/0/type", "expected \"file\" or \"directory\"");
        assertError("{\"format\":\"patchchain-queue\",\"version\":1,\"values\":{},\"volume\":[{\"path\":\"C:\\\\a\",\"type\":\"file\",\"version\":\"x\"}]}",
                "at /volume/0/version", "not a file version");
        assertError("{\"format\":\"patchchain-queue\",\"version\":1,\"values\":{},\"volume\":[{\"path\":\"C:\\\\a\",\"type\":\"file\"},"
                + "{\"path\":\"C:\\\\a\\\\b\",\"type\":\"file\"}]}", "at /volume/1/path", "a file is in the way");
        assertError("{\"format\":\"patchchain-queue\",\"version\":1,\"values\":{},\"volume\":[{\"path\":\"C:\\\\a\",\"type\":\"directory\",\"size\":1}]}",
                "at /volume/0", "a directory has no size");
        assertError("[" .repeat(50) + "]".repeat(50), "line 1, column 1", "expected an object here");
        assertError("{\"format\":\"patchchain-queue\",\"version\":1,\"values\":{\"PendingFileRenameOperations\":{\"strings\":[[\"a\"]]}}}",
                "at /values/PendingFileRenameOperations/strings/0", "expected a string here");
        assertError("{\"format\"", "line 1", "end-of-input");
    }

    @Test
    void onlyUtf8IsRead() {
        byte[] utf16 = "{\"format\":\"patchchain-queue\",\"version\":1,\"values\":{}}".getBytes(StandardCharsets.UTF_16LE);
        assertThatThrownBy(() -> JsonQueueFormat.read(utf16, "w.json")).isInstanceOf(FormatException.class);
        assertThatThrownBy(() -> JsonQueueFormat.read(new byte[] {'{', (byte) 0xC3, '}'}, "bad.json"))
                .isInstanceOf(TextFormatException.class).hasMessageContaining("not UTF-8");
    }

    @Test
    void tooLargeInputIsRefusedBeforeParsing() {
        assertThatThrownBy(() -> JsonQueueFormat.read(new byte[JsonQueueFormat.MAX_INPUT_BYTES + 1], "big.json"))
                .isInstanceOf(FormatException.class).hasMessageContaining("limit");
    }

    @Test
    void systemRootGivesTheContext() throws Exception {
        JsonQueueDocument doc = read("{\"format\":\"patchchain-queue\",\"version\":1,\"systemRoot\":\"D:\\\\WINNT\",\"values\":"
                + "{\"PendingFileRenameOperations\":{\"strings\":[\"\\\\SystemRoot\\\\a.tmp\",\"\"]}}}");
        assertThat(doc.context()).isEqualTo(new PathContext(WinPath.parse("D:\\WINNT")));
        assertThat(doc.queue().operations().get(0).sourcePath()).isEqualTo(WinPath.parse("D:\\WINNT\\a.tmp"));
        assertThat(JsonQueueDocument.of(PendingQueue.empty()).volume()).isEqualTo(Optional.empty());
    }

    private static Throwable catchRead(String json) {
        try {
            read(json);
            return null;
        } catch (FormatException e) {
            return e;
        }
    }

    private static void assertError(String json, String where, String message) {
        assertThatThrownBy(() -> read(json)).isInstanceOf(TextFormatException.class)
                .hasMessageStartingWith("q.json: ")
                .hasMessageContaining(where).hasMessageContaining(message);
    }
}
