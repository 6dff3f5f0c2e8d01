package dev.patchchain.platform.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The audit log, QChain's log: one JSON object per line for every write, appended and forced to disk. A line
 * says when, what ({@code action}, the changes in words), where, the values' digests before and after, the key's
 * last write time when read, and the backup. See {@code docs/apply.md#audit-log}.
 *
 * <pre>{@code
 * AuditLog.append(Path.of("/backups/patchchain-audit.jsonl"), backup, List.of("removed #1: superseded by #3"));
 * }</pre>
 */
public final class AuditLog {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AuditLog() {
    }

    /**
     * @param log     the log file (created if missing)
     * @param backup  the write's backup record
     * @param changes what changed, one line each
     * @throws IOException if the line cannot be appended
     */
    public static void append(Path log, QueueBackup backup, List<String> changes) throws IOException {
        ObjectNode line = MAPPER.createObjectNode();
        line.put("time", backup.time().toString());
        line.put("action", backup.action());
        line.put("location", backup.location());
        line.put("host", backup.host());
        line.put("toolVersion", backup.toolVersion());
        line.put("lastWritten", backup.lastWritten() == null ? null : backup.lastWritten().toString());
        line.put("before", backup.before().sha256());
        line.put("after", backup.after().sha256());
        line.put("backup", backup.regFile().toString());
        ArrayNode list = line.putArray("changes");
        changes.forEach(list::add);
        byte[] bytes = (MAPPER.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
        Files.createDirectories(log.toAbsolutePath().getParent());
        try (FileChannel ch = FileChannel.open(log, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                ch.write(buffer);
            }
            ch.force(true);
        }
    }
}
