package dev.patchchain.core.queue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.patchchain.core.path.PathContext;
import dev.patchchain.core.path.PathSyntax;
import dev.patchchain.core.path.WinPath;
import java.util.List;
import org.junit.jupiter.api.Test;

class PendingQueueTest {

    private static PendingQueue decode(String first) {
        return PendingQueue.decode(Utf16.of(first), null, PathContext.DEFAULT);
    }

    @Test
    void renamesDeletesAndReplaceMarkers() {
        PendingQueue q = decode("\\??\\C:\\stage\\a.tmp\0!\\??\\C:\\Windows\\a.dll\0"
                + "\\??\\C:\\stage\\b.tmp\0\\??\\C:\\Windows\\b.dll\0"
                + "\\??\\C:\\old.tmp\0\0\0");
        assertThat(q.operations()).hasSize(3);
        PendingOperation.Rename a = (PendingOperation.Rename) q.operations().get(0);
        assertThat(a.source()).isEqualTo(WinPath.parse("C:\\stage\\a.tmp"));
        assertThat(a.target()).isEqualTo(WinPath.parse("C:\\Windows\\a.dll"));
        assertThat(a.replaceExisting()).isTrue();
        assertThat(a.origin()).isEqualTo(new Origin(QueueValueName.PENDING_FILE_RENAME_OPERATIONS, 0));
        PendingOperation.Rename b = (PendingOperation.Rename) q.operations().get(1);
        assertThat(b.replaceExisting()).isFalse();
        assertThat(b.origin().stringIndex()).isEqualTo(2);
        PendingOperation.Delete c = (PendingOperation.Delete) q.operations().get(2);
        assertThat(c.source()).isEqualTo(WinPath.parse("C:\\old.tmp"));
        assertThat(c.rawStrings()).containsExactly("\\??\\C:\\old.tmp", "");
        assertThat(q.notes()).isEmpty();
    }

    @Test
    void atIsAlsoAReplaceMarker() {
        PendingQueue q = decode("\\??\\C:\\s.tmp\0@\\??\\C:\\t.dll\0\0");
        PendingOperation.Rename r = (PendingOperation.Rename) q.operations().get(0);
        assertThat(r.replaceExisting()).isTrue();
        assertThat(r.targetMarker()).isEqualTo("@");
    }

    @Test
    void windows10SourceMarkersAreKeptAndDecoded() {
        PendingQueue q = decode("*1\\??\\C:\\Windows\\System32\\gamingservicesproxy_e.dll.0\0\0"
                + "*2\\??\\C:\\Temp\\movefile\\me\0\0\0");
        PendingOperation.Delete d = (PendingOperation.Delete) q.operations().get(0);
        assertThat(d.sourceMarker()).isEqualTo("*1");
        assertThat(d.source()).isEqualTo(WinPath.parse("C:\\Windows\\System32\\gamingservicesproxy_e.dll.0"));
        assertThat(((PendingOperation.Delete) q.operations().get(1)).sourceMarker()).isEqualTo("*2");
    }

    @Test
    void pathsWithoutTheNtPrefixAreParsedAndFlagged() {
        PendingQueue q = decode("C:\\stage\\x.tmp\0!C:\\x.dll\0\0");
        PendingOperation.Rename r = (PendingOperation.Rename) q.operations().get(0);
        assertThat(r.source().syntax()).isEqualTo(PathSyntax.DOS);
        assertThat(r.target().syntax()).isEqualTo(PathSyntax.DOS);
    }

    @Test
    void anOddCountLeavesAnUnparseableSource() {
        PendingQueue q = decode("\\??\\C:\\a.tmp\0\\??\\C:\\a.dll\0\\??\\C:\\dangling.tmp\0\0");
        assertThat(q.operations()).hasSize(2);
        // the last string is the list terminator, read as the destination: a delete of the dangling source
        assertThat(q.operations().get(1)).isInstanceOf(PendingOperation.Delete.class);

        PendingQueue unterminated = decode("\\??\\C:\\a.tmp\0\\??\\C:\\a.dll\0\\??\\C:\\dangling.tmp\0");
        assertThat(unterminated.operations().get(1)).isInstanceOf(PendingOperation.Unparseable.class);
        assertThat(((PendingOperation.Unparseable) unterminated.operations().get(1)).reason()).contains("odd number");
    }

    @Test
    void badPrefixesAndPathsAreUnparseableNotDropped() {
        PendingQueue q = decode("*x\\??\\C:\\a\0\0\\??\\relative\\b\0\0\\??\\C:\\c\0!\\Device\\HarddiskVolume1\\c\0\0");
        assertThat(q.operations()).hasSize(3).allMatch(op -> op instanceof PendingOperation.Unparseable);
        assertThat(((PendingOperation.Unparseable) q.operations().get(0)).reason()).contains("marker");
        assertThat(((PendingOperation.Unparseable) q.operations().get(1)).reason()).contains("source");
        assertThat(((PendingOperation.Unparseable) q.operations().get(2)).reason()).contains("destination");
    }

    @Test
    void trailingEmptyStringsAreNotedAsPadding() {
        PendingQueue q = decode("\\??\\C:\\a\0\0\0\0\0");
        assertThat(q.operations()).hasSize(1);
        assertThat(q.notes()).extracting(QueueNote::kind).containsExactly(QueueNote.Kind.TRAILING_EMPTY_STRINGS);
    }

    @Test
    void stringsAfterAnEmptySourceAreUnreachable() {
        PendingQueue q = decode("\\??\\C:\\a\0\0\0\\??\\C:\\b\0\0\0");
        assertThat(q.operations()).hasSize(2);
        assertThat(q.operations().get(1)).isInstanceOf(PendingOperation.Unparseable.class);
        assertThat(q.notes()).extracting(QueueNote::kind).contains(QueueNote.Kind.UNREACHABLE_STRINGS);
    }

    @Test
    void missingFinalTerminatorIsNoted() {
        PendingQueue q = decode("\\??\\C:\\a\0\\??\\C:\\b\0");
        assertThat(q.operations()).hasSize(1);
        assertThat(q.notes()).extracting(QueueNote::kind).containsExactly(QueueNote.Kind.MISSING_TERMINATOR);
    }

    @Test
    void bothValuesFormOneListFirstThenSecond() {
        PendingQueue q = PendingQueue.decode(Utf16.of("\\??\\C:\\a\0\0\0"), Utf16.of("\\??\\C:\\b\0\0\0"), PathContext.DEFAULT);
        assertThat(q.operations()).extracting(op -> op.origin().value())
                .containsExactly(QueueValueName.PENDING_FILE_RENAME_OPERATIONS, QueueValueName.PENDING_FILE_RENAME_OPERATIONS_2);
        assertThat(q.hasValue(QueueValueName.PENDING_FILE_RENAME_OPERATIONS_2)).isTrue();
    }

    @Test
    void unchangedQueuesRoundTripByteForByte() {
        for (String data : List.of("\\??\\C:\\a\0!\\??\\C:\\b\0\0", "\\??\\C:\\a\0\0\0\0\0", "\\??\\C:\\a\0\\??\\C:\\b",
                "*1\\??\\C:\\a\0\0\0", "x\0y\0z\0", "", "\0", "\0\0\0\\??\\C:\\z\0\0")) {
            byte[] bytes = Utf16.of(data);
            PendingQueue q = PendingQueue.decode(bytes, bytes, PathContext.DEFAULT);
            assertThat(q.encode(QueueValueName.PENDING_FILE_RENAME_OPERATIONS)).hasValue(bytes);
            assertThat(q.encode(QueueValueName.PENDING_FILE_RENAME_OPERATIONS_2)).hasValue(bytes);
            PendingQueue same = q.withOperations(q.operations());
            assertThat(same.encode(QueueValueName.PENDING_FILE_RENAME_OPERATIONS)).hasValue(bytes);
        }
    }

    @Test
    void changedValuesAreWrittenWellFormedAndTheOtherKeepsItsBytes() {
        byte[] first = Utf16.of("\\??\\C:\\a\0!\\??\\C:\\b\0\0\0\0");
        byte[] second = Utf16.of("\\??\\C:\\c\0\0\0\0");
        PendingQueue q = PendingQueue.decode(first, second, PathContext.DEFAULT);
        PendingOperation.Rename r = (PendingOperation.Rename) q.operations().get(0);
        PendingOperation.Delete replacement = new PendingOperation.Delete(new Origin(r.origin().value(), -1),
                r.rawSource(), r.sourceMarker(), r.source());
        PendingQueue changed = q.withOperations(List.of(replacement, q.operations().get(1)));
        assertThat(changed.encode(QueueValueName.PENDING_FILE_RENAME_OPERATIONS)).hasValue(Utf16.of("\\??\\C:\\a\0\0\0"));
        assertThat(changed.encode(QueueValueName.PENDING_FILE_RENAME_OPERATIONS_2)).hasValue(second);
    }

    @Test
    void absentValuesStayAbsent() {
        PendingQueue q = PendingQueue.decode(null, null, PathContext.DEFAULT);
        assertThat(q.operations()).isEmpty();
        assertThat(q.encode(QueueValueName.PENDING_FILE_RENAME_OPERATIONS)).isEmpty();
    }
}
