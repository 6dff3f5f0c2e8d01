package dev.patchchain.platform.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchchain.core.path.PathContext;
import dev.patchchain.core.queue.PendingQueue;
import dev.patchchain.core.registry.QueueValues;
import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.reg.QueueRegistryView;
import dev.patchchain.formats.reg.RegFileWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Backup files: the values before a write as a {@code .reg} file for {@code reg import} (the current control
 * set's Session Manager key, exact bytes, an absent value as a deletion), and the {@link QueueBackup} record as
 * JSON beside it ({@code patchchain-queue-yyyyMMddTHHmmssZ.reg} and {@code .json}; {@code -2}, {@code -3}... if
 * taken). Both are created new and forced to disk. See {@code docs/apply.md#backups}.
 *
 * <pre>{@code
 * Path json = QueueBackupFile.write(Path.of("/backups"), backup);
 * QueueBackup again = QueueBackupFile.read(json);
 * }</pre>
 */
public final class QueueBackupFile {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final int FORMAT_VERSION = 1;

    private QueueBackupFile() {
    }

    /**
     * @param dir    the backup directory (created if missing)
     * @param backup the record; its {@code regFile} is ignored and set to the file written
     * @return the record as written, with its {@code .reg} file
     * @throws IOException if a file cannot be written
     */
    public static QueueBackup write(Path dir, QueueBackup backup) throws IOException {
        Files.createDirectories(dir);
        String stem = "patchchain-queue-" + STAMP.format(backup.time());
        for (int n = 1; ; n++) {
            String name = n == 1 ? stem : stem + "-" + n;
            Path reg = dir.resolve(name + ".reg");
            Path json = dir.resolve(name + ".json");
            if (Files.exists(reg) || Files.exists(json)) {
                continue;
            }
            try {
                createForced(reg, regBytes(backup.before()));
            } catch (FileAlreadyExistsException raced) {
                continue;
            }
            QueueBackup written = new QueueBackup(backup.time(), backup.host(), backup.toolVersion(),
                    backup.location(), backup.action(), backup.lastWritten(), backup.before(), backup.after(), reg);
            createForced(json, MAPPER.writeValueAsBytes(toJson(written)));
            return written;
        }
    }

    /**
     * @param json a backup record written by {@link #write}
     * @return the record
     * @throws IOException if it cannot be read or is not a backup record
     */
    public static QueueBackup read(Path json) throws IOException {
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readAllBytes(json));
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new FormatException(FormatException.Kind.NOT_THIS_FORMAT, json.toString(), -1,
                    "not a patchchain backup record: " + e.getOriginalMessage());
        }
        if (root == null || root.path("patchchainBackup").asInt(-1) != FORMAT_VERSION) {
            throw new FormatException(FormatException.Kind.NOT_THIS_FORMAT, json.toString(), -1,
                    "not a patchchain backup record (no \"patchchainBackup\": " + FORMAT_VERSION + ")");
        }
        try {
            Path reg = json.resolveSibling(root.path("regFile").asText());
            String lastWritten = root.path("lastWritten").asText(null);
            return new QueueBackup(Instant.parse(root.path("time").asText()), root.path("host").asText(),
                    root.path("toolVersion").asText(), root.path("location").asText(), root.path("action").asText(),
                    lastWritten == null ? null : Instant.parse(lastWritten), values(root.path("before")),
                    values(root.path("after")), reg);
        } catch (RuntimeException e) {
            throw new FormatException(FormatException.Kind.CORRUPT, json.toString(), -1,
                    "damaged backup record: " + e.getMessage());
        }
    }

    /**
     * @param dir      a backup directory
     * @param location the registry ({@link dev.patchchain.core.registry.QueueRegistry#location()})
     * @return the newest backup record in it for that registry, if any
     * @throws IOException if the directory or a record cannot be read
     */
    public static Optional<QueueBackup> newest(Path dir, String location) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        List<Path> records;
        try (Stream<Path> files = Files.list(dir)) {
            records = files.filter(f -> f.getFileName().toString().matches("patchchain-queue-.*\\.json"))
                    .sorted(Comparator.comparing(QueueBackupFile::order).reversed()).toList();
        }
        for (Path record : records) {
            QueueBackup backup = read(record);
            if (backup.location().equals(location)) {
                return Optional.of(backup);
            }
        }
        return Optional.empty();
    }

    /** Orders {@code patchchain-queue-STAMP[-N].json} by stamp, then N. */
    private static String order(Path record) {
        String name = record.getFileName().toString();
        String stem = name.substring("patchchain-queue-".length(), name.length() - ".json".length());
        int dash = stem.indexOf('-');
        String stamp = dash < 0 ? stem : stem.substring(0, dash);
        String n = dash < 0 ? "1" : stem.substring(dash + 1);
        return stamp + String.format("%010d", Long.parseLong(n.matches("\\d{1,9}") ? n : "0"));
    }

    /**
     * @param values queue values
     * @return the {@code .reg} file that sets them under the current control set
     */
    private static byte[] regBytes(QueueValues values) {
        PendingQueue queue = PendingQueue.decode(values.first(), values.second(), PathContext.DEFAULT);
        return RegFileWriter.write(QueueRegistryView.toRegFile(queue, QueueRegistryView.CURRENT_KEY_PATH));
    }

    private static ObjectNode toJson(QueueBackup b) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("patchchainBackup", FORMAT_VERSION);
        root.put("time", b.time().toString());
        root.put("host", b.host());
        root.put("toolVersion", b.toolVersion());
        root.put("location", b.location());
        root.put("action", b.action());
        root.put("lastWritten", b.lastWritten() == null ? null : b.lastWritten().toString());
        root.put("regFile", String.valueOf(b.regFile().getFileName()));
        root.set("before", json(b.before()));
        root.set("after", json(b.after()));
        return root;
    }

    /** @return the values as base64 (null when absent) and the digest of both */
    private static ObjectNode json(QueueValues values) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("sha256", values.sha256());
        node.put("PendingFileRenameOperations", base64(values.first()));
        node.put("PendingFileRenameOperations2", base64(values.second()));
        return node;
    }

    private static QueueValues values(JsonNode node) {
        QueueValues values = QueueValues.of(bytes(node.get("PendingFileRenameOperations")),
                bytes(node.get("PendingFileRenameOperations2")));
        if (!values.sha256().equals(node.path("sha256").asText())) {
            throw new IllegalArgumentException("the values do not match their sha256 " + node.path("sha256"));
        }
        return values;
    }

    private static String base64(byte[] data) {
        return data == null ? null : Base64.getEncoder().encodeToString(data);
    }

    private static byte[] bytes(JsonNode node) {
        return node == null || node.isNull() ? null : Base64.getDecoder().decode(node.asText());
    }

    private static void createForced(Path file, byte[] data) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(data);
            while (buffer.hasRemaining()) {
                ch.write(buffer);
            }
            ch.force(true);
        }
    }
}
