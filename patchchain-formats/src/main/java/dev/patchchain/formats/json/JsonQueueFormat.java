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
import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.TextFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;

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
        return new JsonModelDecoder(sourceName).decode(doc);
    }

    static String utf8(byte[] data, String source) throws FormatException {
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
        JsonModel.Document doc = JsonModelEncoder.encode(document);
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

    static TextFormatException parseError(JsonProcessingException e, String source) {
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
}
