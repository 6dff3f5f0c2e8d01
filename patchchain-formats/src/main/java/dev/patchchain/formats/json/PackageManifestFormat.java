package dev.patchchain.formats.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.TextFormatException;

/**
 * Reads a package manifest, {@code docs/formats/package-manifest.md}: a vendor installer described by hand or by
 * a build (files with versions and whether they are in use, registry writes that set or append, the installer
 * engine and how it decides to replace a file).
 *
 * <p>Reading is strict, as for the queue document: unknown or duplicate fields, wrong types, trailing content and
 * anything over the limits fail with a {@link TextFormatException} naming the line, the column and the JSON
 * pointer ({@code "kb1.json: line 7, column 9: at /files/0/inuse: unknown field ..."}).
 *
 * <pre>{@code
 * PackageManifest m = PackageManifestFormat.read(bytes, "kb1.json");
 * m.pkg().files();   // with target paths and versions
 * }</pre>
 */
public final class PackageManifestFormat {

    /** The {@code format} field's only value. */
    public static final String FORMAT = "patchchain-package";
    /** The {@code version} field's only value. */
    public static final int VERSION = 1;
    /** The largest document accepted. */
    public static final int MAX_INPUT_BYTES = 16 << 20;
    /** The most files, registry writes, or strings of one write, accepted. */
    public static final int MAX_ITEMS = 100_000;
    /** The longest string accepted, in characters (a registry string's limit is far above any path). */
    public static final int MAX_STRING_CHARS = 32_767;

    private static final int MAX_NESTING = 6;
    private static final int MAX_NUMBER_CHARS = 20;

    private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxStringLength(MAX_STRING_CHARS)
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

    private PackageManifestFormat() {
    }

    /**
     * @param data       the manifest, UTF-8
     * @param sourceName its name, for errors
     * @return the package and what the manifest says is on disk
     * @throws FormatException if it is not a valid manifest
     */
    public static PackageManifest read(byte[] data, String sourceName) throws FormatException {
        if (data.length > MAX_INPUT_BYTES) {
            throw new TextFormatException(FormatException.Kind.UNSUPPORTED, sourceName, 0, 0,
                    "input is larger than the limit of " + MAX_INPUT_BYTES + " bytes");
        }
        ManifestModel.Document doc;
        try {
            doc = MAPPER.readValue(JsonQueueFormat.utf8(data, sourceName), ManifestModel.Document.class);
        } catch (JsonProcessingException e) {
            throw JsonQueueFormat.parseError(e, sourceName);
        }
        return new ManifestDecoder(sourceName).decode(doc);
    }
}
