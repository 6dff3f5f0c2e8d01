package dev.patchchain.formats.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.patchchain.core.path.PathContext;
import dev.patchchain.core.queue.PendingQueue;
import dev.patchchain.core.queue.QueueValueName;
import java.util.Arrays;

/**
 * The core codec on arbitrary bytes: {@link PendingQueue#decode} never throws (every byte sequence has a layout)
 * and encoding gives back the very bytes of both values. The first input byte says where the two values split.
 */
class QueueCodecFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void decodeNeverThrowsAndEncodesBackExactly(byte[] data) {
        if (data.length == 0) {
            assertThat(PendingQueue.decode(null, null, PathContext.DEFAULT).operations()).isEmpty();
            return;
        }
        int split = Math.min(data.length - 1, data[0] & 0xFF);
        byte[] first = Arrays.copyOfRange(data, 1, 1 + split);
        byte[] second = Arrays.copyOfRange(data, 1 + split, data.length);
        PendingQueue queue = PendingQueue.decode(first, second, PathContext.DEFAULT);
        assertThat(queue.encode(QueueValueName.PENDING_FILE_RENAME_OPERATIONS)).hasValueSatisfying(b -> assertThat(b).isEqualTo(first));
        assertThat(queue.encode(QueueValueName.PENDING_FILE_RENAME_OPERATIONS_2)).hasValueSatisfying(b -> assertThat(b).isEqualTo(second));
        assertThat(queue.withOperations(queue.operations())).isEqualTo(queue);
    }
}
