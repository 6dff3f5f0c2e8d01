package dev.patchchain.formats.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.patchchain.core.path.PathContext;
import dev.patchchain.core.path.WinPath;
import dev.patchchain.core.path.WinPathException;
import dev.patchchain.core.queue.MultiSz;
import dev.patchchain.core.queue.PendingQueue;
import dev.patchchain.core.queue.QueueValueName;
import dev.patchchain.core.version.FileVersion;
import dev.patchchain.core.volume.FileFacts;
import dev.patchchain.core.volume.InMemoryVolume;
import dev.patchchain.core.volume.PathState;
import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.TextFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and writes patchchain's own queue document, {@code docs/formats/json-queue.md}: the two values as strings
 * (well-formed layouts) or exact hex bytes, an optional system root and an optional volume.
 *
 * <p>Reading is strict: an unknown or duplicate field, a wrong type, trailing content, a value name other than
 * the two queue values, or anything over the limits fails with a {@link TextFormatException} giving the line,
 * the column and the JSON pointer ({@code "q.json: line 4, column 7: at /values/Pending: unknown value name"}).
 * Checks made after parsing give the pointer only.
 *
 * <pre>{@code
 * JsonQueueDocument doc = JsonQueueFormat.read(bytes, "queue.json");
 * byte[] again = JsonQueueFormat.write(doc);
 * }</pre>
 */
public final class JsonQueueFormat {

    /** The {@code format} field's only value. */
    public static final String FORMAT = "patchchain-queue";
    /** The {@code version} field's only value. */
    public static final int VERSION = 1;
    /** The largest document accepted. */
    public static final int MAX_INPUT_BYTES = 64 << 20;
    /** The largest queue value accepted, in bytes. */
    public static final int MAX_VALUE_BYTES = 16 << 20;
    /** The most volume entries accepted. */
    public static final int MAX_VOLUME_ENTRIES = 1_000_000;

    private static final int MAX_NESTING = 8;
    private static final int MAX_NUMBER_CHARS = 20;
    private static final String FILE = "file";
    private static final String DIRECTORY = "directory";
    private static final FileFacts NOT_INSPECTED = FileFacts.UNKNOWN;

    private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxStringLength(2 * MAX_VALUE_BYTES + 2)
                            .maxNestingDepth(MAX_NESTING)
                            .maxNumberLength(MAX_NUMBER_CHARS)
                            .build())
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    private JsonQueueFormat() {
    }

    /**
     * @param in         the document; read to its end, at most {@link #MAX_INPUT_BYTES} + 1 bytes
     * @param sourceName its name, for errors
     * @return the document
     * @throws IOException     if the stream fails
     * @throws FormatException if it is not a valid document
     */
    public static JsonQueueDocument read(InputStream in, String sourceName) throws IOException {
        return read(in.readNBytes(MAX_INPUT_BYTES + 1), sourceName);
    }

    /**
     * @param data       the document, UTF-8
     * @param sourceName its name, for errors
     * @return the document
     * @throws FormatException if it is not a valid document
     */
    public static JsonQueueDocument read(byte[] data, String sourceName) throws FormatException {
        if (data.length > MAX_INPUT_BYTES) {
            throw new TextFormatException(FormatException.Kind.UNSUPPORTED, sourceName, 0, 0,
                    "input is larger than the limit of " + MAX_INPUT_BYTES + " bytes");
        }
        JsonModel.Document doc;
        try {
            // Decoded here, strictly: Jackson would otherwise guess UTF-16/32 and fail with a bare IOException.
            doc = MAPPER.readValue(utf8(data, sourceName), JsonModel.Document.class);
        } catch (JsonProcessingException e) {
            throw parseError(e, sourceName);
        }
        return new DocumentBuilder(sourceName).build(doc);
    }

    private static String utf8(byte[] data, String source) throws FormatException {
        int bom = data.length >= 3 && (data[0] & 0xFF) == 0xEF && (data[1] & 0xFF) == 0xBB && (data[2] & 0xFF) == 0xBF ? 3 : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data, bom, data.length - bom))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new TextFormatException(FormatException.Kind.NOT_THIS_FORMAT, source, 0, 0, "not UTF-8 text");
        }
    }

    /**
     * @param document what to write
     * @return UTF-8 JSON, two-space indented, LF line ends, values as strings when their layout is well-formed
     */
    public static byte[] write(JsonQueueDocument document) {
        Map<String, JsonModel.Value> values = new LinkedHashMap<>();
        for (QueueValueName name : QueueValueName.values()) {
            document.queue().encode(name).ifPresent(bytes -> values.put(name.registryName(), value(bytes)));
        }
        List<JsonModel.VolumeEntry> volume = document.volume().map(JsonQueueFormat::volume).orElse(null);
        JsonModel.Document doc = new JsonModel.Document(FORMAT, VERSION,
                document.systemRoot().map(WinPath::toString).orElse(null), values, volume);
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return (MAPPER.writer(printer).writeValueAsString(doc) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the document model always serializes", e);
        }
    }

    /** Strings when they give back these exact bytes and are valid Unicode, hex otherwise. */
    private static JsonModel.Value value(byte[] bytes) {
        MultiSz layout = MultiSz.decode(bytes);
        List<String> strings = layout.strings();
        boolean wellFormed = layout.isTerminated() && !strings.isEmpty() && strings.get(strings.size() - 1).isEmpty()
                && strings.stream().allMatch(JsonQueueFormat::validUnicode);
        return wellFormed
                ? new JsonModel.Value(strings.subList(0, strings.size() - 1), null)
                : new JsonModel.Value(null, HexFormat.of().formatHex(bytes));
    }

    private static List<JsonModel.VolumeEntry> volume(InMemoryVolume volume) {
        List<JsonModel.VolumeEntry> entries = new ArrayList<>();
        for (Map.Entry<WinPath, PathState> e : volume.snapshot().entrySet()) {
            String path = e.getKey().toString();
            if (e.getValue() instanceof PathState.File file) {
                FileFacts facts = file.facts();
                entries.add(new JsonModel.VolumeEntry(path, FILE, facts.version().map(FileVersion::toString).orElse(null),
                        facts.size() < 0 ? null : facts.size(),
                        facts.version().isPresent() || facts.versionNote().equals(NOT_INSPECTED.versionNote())
                                ? null : facts.versionNote()));
            } else {
                entries.add(new JsonModel.VolumeEntry(path, DIRECTORY, null, null, null));
            }
        }
        return entries;
    }

    private static boolean validUnicode(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static TextFormatException parseError(JsonProcessingException e, String source) {
        JsonLocation at = e.getLocation();
        int line = at == null ? 0 : Math.max(at.getLineNr(), 0);
        int column = at == null ? 0 : Math.max(at.getColumnNr(), 0);
        String pointer = e instanceof JsonMappingException m ? pointer(m.getPath()) : "";
        String message;
        if (e instanceof UnrecognizedPropertyException u) {
            message = "unknown field \"" + u.getPropertyName() + "\" (known: " + u.getKnownPropertyIds() + ")";
        } else if (e.getOriginalMessage().startsWith("Trailing token")) {
            message = "unexpected content after the document";
        } else if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            message = "expected " + shape(m.getTargetType()) + " here";
        } else {
            message = e.getOriginalMessage();
        }
        FormatException.Kind kind = e instanceof StreamConstraintsException
                ? FormatException.Kind.UNSUPPORTED : FormatException.Kind.CORRUPT;
        return new TextFormatException(kind, source, line, column,
                (pointer.isEmpty() ? "" : "at " + pointer + ": ") + message);
    }

    /** Says what JSON a bound type needs, without naming our classes. */
    private static String shape(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        return Collection.class.isAssignableFrom(type) ? "an array" : "an object";
    }

    private static String pointer(List<JsonMappingException.Reference> path) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference r : path) {
            out.append('/').append(r.getFieldName() != null
                    ? r.getFieldName().replace("~", "~0").replace("/", "~1")
                    : Integer.toString(r.getIndex()));
        }
        return out.toString();
    }

    /** Gives the bound model its meaning, with a JSON pointer in every error. */
    private static final class DocumentBuilder {
        private final String source;

        DocumentBuilder(String source) {
            this.source = source;
        }

        JsonQueueDocument build(JsonModel.Document doc) throws FormatException {
            if (!FORMAT.equals(doc.format())) {
                throw error(FormatException.Kind.NOT_THIS_FORMAT, "/format", "expected \"" + FORMAT + "\"");
            }
            if (doc.version() == null || doc.version() != VERSION) {
                throw error(FormatException.Kind.UNSUPPORTED, "/version", "expected " + VERSION + ", found " + doc.version());
            }
            Optional<WinPath> systemRoot = Optional.empty();
            if (doc.systemRoot() != null) {
                systemRoot = Optional.of(path(doc.systemRoot(), null, "/systemRoot"));
            }
            PathContext context = systemRoot.map(PathContext::new).orElse(PathContext.DEFAULT);
            if (doc.values() == null) {
                throw error(FormatException.Kind.CORRUPT, "/values", "required (use {} for an empty queue)");
            }
            EnumMap<QueueValueName, MultiSz> layouts = new EnumMap<>(QueueValueName.class);
            for (Map.Entry<String, JsonModel.Value> e : doc.values().entrySet()) {
                layouts.put(valueName(e.getKey()), layout(e.getValue(), "/values/" + e.getKey()));
            }
            Optional<InMemoryVolume> volume = Optional.empty();
            if (doc.volume() != null) {
                volume = Optional.of(volume(doc.volume(), context));
            }
            return new JsonQueueDocument(PendingQueue.fromLayouts(layouts, context), volume, systemRoot);
        }

        private QueueValueName valueName(String name) throws FormatException {
            for (QueueValueName v : QueueValueName.values()) {
                if (v.registryName().equals(name)) {
                    return v;
                }
            }
            throw error(FormatException.Kind.CORRUPT, "/values/" + name,
                    "unknown value name (expected PendingFileRenameOperations or PendingFileRenameOperations2)");
        }

        private MultiSz layout(JsonModel.Value value, String at) throws FormatException {
            if (value == null || (value.strings() == null) == (value.hex() == null)) {
                throw error(FormatException.Kind.CORRUPT, at, "expected exactly one of \"strings\" and \"hex\"");
            }
            if (value.hex() != null) {
                String hex = value.hex();
                if (hex.length() % 2 != 0 || hex.length() > 2 * MAX_VALUE_BYTES || !isHex(hex)) {
                    throw error(FormatException.Kind.CORRUPT, at + "/hex",
                            "expected an even number of hex digits, at most " + 2 * MAX_VALUE_BYTES);
                }
                return MultiSz.decode(HexFormat.of().parseHex(hex));
            }
            long bytes = 2;
            for (int i = 0; i < value.strings().size(); i++) {
                String s = value.strings().get(i);
                if (s == null || s.indexOf('\0') >= 0) {
                    throw error(FormatException.Kind.CORRUPT, at + "/strings/" + i, "expected a string without NUL");
                }
                bytes += 2L * s.length() + 2;
                if (bytes > MAX_VALUE_BYTES) {
                    throw error(FormatException.Kind.UNSUPPORTED, at + "/strings/" + i,
                            "value is larger than the limit of " + MAX_VALUE_BYTES + " bytes");
                }
            }
            return MultiSz.of(value.strings());
        }

        private InMemoryVolume volume(List<JsonModel.VolumeEntry> entries, PathContext context) throws FormatException {
            if (entries.size() > MAX_VOLUME_ENTRIES) {
                throw error(FormatException.Kind.UNSUPPORTED, "/volume", "more than " + MAX_VOLUME_ENTRIES + " entries");
            }
            InMemoryVolume volume = new InMemoryVolume();
            for (int i = 0; i < entries.size(); i++) {
                String at = "/volume/" + i;
                JsonModel.VolumeEntry e = entries.get(i);
                if (e == null || e.path() == null || e.type() == null) {
                    throw error(FormatException.Kind.CORRUPT, at, "expected an object with \"path\" and \"type\"");
                }
                WinPath path = path(e.path(), context, at + "/path");
                try {
                    if (FILE.equals(e.type())) {
                        volume.putFile(path, facts(e, at));
                    } else if (DIRECTORY.equals(e.type())) {
                        if (e.size() != null || e.version() != null || e.versionNote() != null) {
                            throw error(FormatException.Kind.CORRUPT, at, "a directory has no size, version or versionNote");
                        }
                        volume.putDirectory(path);
                    } else {
                        throw error(FormatException.Kind.CORRUPT, at + "/type", "expected \"file\" or \"directory\"");
                    }
                } catch (IllegalStateException clash) {
                    throw error(FormatException.Kind.CORRUPT, at + "/path", clash.getMessage());
                }
            }
            return volume;
        }

        private FileFacts facts(JsonModel.VolumeEntry e, String at) throws FormatException {
            long size = e.size() == null ? -1 : e.size();
            if (size < -1) {
                throw error(FormatException.Kind.CORRUPT, at + "/size", "expected a size >= 0");
            }
            if (e.version() == null) {
                return new FileFacts(size, Optional.empty(),
                        e.versionNote() == null ? NOT_INSPECTED.versionNote() : e.versionNote());
            }
            if (e.versionNote() != null) {
                throw error(FormatException.Kind.CORRUPT, at + "/versionNote", "only a file without version has a note");
            }
            try {
                return FileFacts.versioned(size, FileVersion.parse(e.version()));
            } catch (IllegalArgumentException bad) {
                throw error(FormatException.Kind.CORRUPT, at + "/version", bad.getMessage());
            }
        }

        private WinPath path(String text, PathContext context, String at) throws FormatException {
            try {
                return WinPath.parse(text, context);
            } catch (WinPathException bad) {
                throw error(FormatException.Kind.CORRUPT, at, bad.getMessage());
            }
        }

        private static boolean isHex(String s) {
            for (int i = 0; i < s.length(); i++) {
                if (Character.digit(s.charAt(i), 16) < 0) {
                    return false;
                }
            }
            return true;
        }

        private TextFormatException error(FormatException.Kind kind, String pointer, String message) {
            return new TextFormatException(kind, source, 0, 0, "at " + pointer + ": " + message);
        }
    }
}
