package dev.patchchain.formats.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.patchchain.core.path.WinPath;
import dev.patchchain.core.path.WinPathException;
import dev.patchchain.core.verify.CatalogUpdate;
import dev.patchchain.core.verify.ExpectedFile;
import dev.patchchain.core.verify.UpdateCatalog;
import dev.patchchain.core.verify.UpdateId;
import dev.patchchain.core.version.FileVersion;
import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.TextFormatException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and writes patchchain's catalog of expected files, {@code docs/formats/update-catalog.md}: per update its
 * KB id, an optional title, the updates it supersedes, and the files it installs (path, optional version, optional
 * SHA-256).
 *
 * <p>Reading is strict like {@link JsonQueueFormat}: unknown or duplicate fields, wrong types, trailing content, a
 * bad path, version or hash, an update listed twice, or a file without both version and hash fail with a
 * {@link TextFormatException} naming the JSON pointer ({@code "at /updates/0/files/1/version: not a file version"}).
 *
 * <pre>{@code
 * UpdateCatalog catalog = UpdateCatalogFormat.read(bytes, "catalog.json");
 * byte[] again = UpdateCatalogFormat.write(catalog);
 * }</pre>
 */
public final class UpdateCatalogFormat {

    /** The {@code format} field's only value. */
    public static final String FORMAT = "patchchain-update-catalog";
    /** The {@code version} field's only value. */
    public static final int VERSION = 1;
    /** The largest document accepted. */
    public static final int MAX_INPUT_BYTES = 256 << 20;

    private static final int MAX_NESTING = 8;
    private static final int MAX_STRING_CHARS = 64 << 10;
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
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    private UpdateCatalogFormat() {
    }

    /**
     * @param data   the document, UTF-8
     * @param source its name, for errors
     * @return the catalog
     * @throws FormatException if it is not a valid catalog
     */
    public static UpdateCatalog read(byte[] data, String source) throws FormatException {
        if (data.length > MAX_INPUT_BYTES) {
            throw new TextFormatException(FormatException.Kind.UNSUPPORTED, source, 0, 0,
                    "input is larger than the limit of " + MAX_INPUT_BYTES + " bytes");
        }
        CatalogModel.Document doc;
        try {
            doc = MAPPER.readValue(JsonQueueFormat.utf8(data, source), CatalogModel.Document.class);
        } catch (JsonProcessingException e) {
            throw JsonQueueFormat.parseError(e, source);
        }
        if (doc == null || !FORMAT.equals(doc.format())) {
            throw invalid(source, "/format", "expected \"" + FORMAT + "\"", FormatException.Kind.NOT_THIS_FORMAT);
        }
        if (doc.version() == null || doc.version() != VERSION) {
            throw invalid(source, "/version", "expected " + VERSION + ", found " + doc.version(),
                    FormatException.Kind.UNSUPPORTED);
        }
        if (doc.updates() == null) {
            throw invalid(source, "/updates", "missing", FormatException.Kind.CORRUPT);
        }
        List<CatalogUpdate> updates = new ArrayList<>();
        Set<UpdateId> seen = new HashSet<>();
        for (int i = 0; i < doc.updates().size(); i++) {
            CatalogUpdate update = update(doc.updates().get(i), "/updates/" + i, source);
            if (!seen.add(update.id())) {
                throw invalid(source, "/updates/" + i + "/kb", update.id() + " is listed twice", FormatException.Kind.CORRUPT);
            }
            updates.add(update);
        }
        return new UpdateCatalog(updates);
    }

    private static CatalogUpdate update(CatalogModel.Update u, String at, String source) throws FormatException {
        if (u == null || u.kb() == null || u.kb().isBlank()) {
            throw invalid(source, at + "/kb", "missing", FormatException.Kind.CORRUPT);
        }
        List<UpdateId> supersedes = new ArrayList<>();
        for (String s : u.supersedes() == null ? List.<String>of() : u.supersedes()) {
            if (s == null || s.isBlank()) {
                throw invalid(source, at + "/supersedes", "blank update id", FormatException.Kind.CORRUPT);
            }
            supersedes.add(UpdateId.parse(s));
        }
        List<ExpectedFile> files = new ArrayList<>();
        List<CatalogModel.File> listed = u.files() == null ? List.of() : u.files();
        for (int i = 0; i < listed.size(); i++) {
            files.add(file(listed.get(i), at + "/files/" + i, source));
        }
        return new CatalogUpdate(UpdateId.parse(u.kb()), u.title() == null ? "" : u.title(), supersedes, files);
    }

    private static ExpectedFile file(CatalogModel.File f, String at, String source) throws FormatException {
        if (f == null || f.path() == null) {
            throw invalid(source, at + "/path", "missing", FormatException.Kind.CORRUPT);
        }
        if (f.version() == null && f.sha256() == null) {
            throw invalid(source, at, "a file needs a version, a sha256 or both", FormatException.Kind.CORRUPT);
        }
        WinPath path;
        try {
            path = WinPath.parse(f.path());
        } catch (WinPathException e) {
            throw invalid(source, at + "/path", e.getMessage(), FormatException.Kind.CORRUPT);
        }
        Optional<FileVersion> version;
        try {
            version = Optional.ofNullable(f.version()).map(FileVersion::parse);
        } catch (IllegalArgumentException e) {
            throw invalid(source, at + "/version", e.getMessage(), FormatException.Kind.CORRUPT);
        }
        if (f.sha256() != null && !f.sha256().matches("[0-9A-Fa-f]{64}")) {
            throw invalid(source, at + "/sha256", "expected 64 hex digits", FormatException.Kind.CORRUPT);
        }
        return new ExpectedFile(path, version, Optional.ofNullable(f.sha256()));
    }

    /**
     * @param catalog what to write
     * @return UTF-8 JSON, two-space indented, LF line ends
     */
    public static byte[] write(UpdateCatalog catalog) {
        List<CatalogModel.Update> updates = catalog.updates().stream().map(u -> new CatalogModel.Update(
                u.id().value(), u.title(), u.supersedes().stream().map(UpdateId::value).toList(),
                u.files().stream().map(f -> new CatalogModel.File(f.path().toString(),
                        f.version().map(FileVersion::toString).orElse(null), f.sha256().orElse(null))).toList()))
                .toList();
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return (MAPPER.writer(printer).writeValueAsString(new CatalogModel.Document(FORMAT, VERSION, updates)) + "\n")
                    .getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the catalog model always serializes", e);
        }
    }

    private static TextFormatException invalid(String source, String pointer, String message, FormatException.Kind kind) {
        return new TextFormatException(kind, source, 0, 0, "at " + pointer + ": " + message);
    }
}
