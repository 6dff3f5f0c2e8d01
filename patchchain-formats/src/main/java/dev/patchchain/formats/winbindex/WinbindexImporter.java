package dev.patchchain.formats.winbindex;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.patchchain.core.path.WinPath;
import dev.patchchain.core.verify.CatalogUpdate;
import dev.patchchain.core.verify.ExpectedFile;
import dev.patchchain.core.verify.UpdateCatalog;
import dev.patchchain.core.verify.UpdateId;
import dev.patchchain.core.version.FileVersion;
import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.TextFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Turns one Winbindex file record into catalog entries: for each build of the file
 * ({@code {"<sha256>": {"fileInfo": {"version": "10.0.19041.1052 (WinBuild...)", "sha256": ..., "machineType": 34404},
 * "windowsVersions": {"2004": {"KB5003173": {...}}}}}}), each KB that ships it expects that version at the
 * given path. Keys that are not KB numbers ({@code BASE}: the release itself) are skipped; builds of another
 * machine type (a WOW64 copy) are skipped; when one KB ships two builds for the path the newer one is expected.
 * Winbindex carries no supersedence, so {@code supersedes} stays empty.
 *
 * <p>The input may be gzip-compressed, as Winbindex stores it. Unknown fields are ignored: this is a third-party
 * format that grows; only the fields above are read, and they are checked.
 *
 * <pre>{@code
 * UpdateCatalog c = WinbindexImporter.read(bytes, "ntdll.dll.json.gz",
 *         WinPath.parse("C:\\Windows\\System32\\ntdll.dll"), WinbindexImporter.AMD64);
 * }</pre>
 */
public final class WinbindexImporter {

    /** IMAGE_FILE_MACHINE_AMD64. */
    public static final int AMD64 = 0x8664;
    /** The largest (decompressed) record accepted. */
    public static final int MAX_INPUT_BYTES = 256 << 20;

    private static final Pattern KB = Pattern.compile("(?i)KB\\d+");
    private static final Pattern LEADING_VERSION = Pattern.compile("^\\s*(\\d{1,5}(?:\\.\\d{1,5}){0,3})");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final int GZIP_MAGIC_0 = 0x1F;
    private static final int GZIP_MAGIC_1 = 0x8B;
    private static final int MAX_NESTING = 64;

    private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build())
            .build()).build();

    private WinbindexImporter() {
    }

    /**
     * @param data    the record, JSON or gzip-compressed JSON
     * @param source  its name, for errors
     * @param path    where the file lives on the volume being verified
     * @param machine the machine type to keep ({@link #AMD64}, 0x14C for x86, 0xAA64 for ARM64)
     * @return one catalog entry per KB that ships a build of the file
     * @throws FormatException if it is not a Winbindex file record
     */
    public static UpdateCatalog read(byte[] data, String source, WinPath path, int machine) throws FormatException {
        JsonNode root;
        try {
            root = MAPPER.readTree(decompress(data, source));
        } catch (FormatException e) {
            throw e;
        } catch (JacksonException e) {
            throw new TextFormatException(FormatException.Kind.NOT_THIS_FORMAT, source, 0, 0,
                    "not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new TextFormatException(FormatException.Kind.CORRUPT, source, 0, 0, "cannot decompress: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new TextFormatException(FormatException.Kind.NOT_THIS_FORMAT, source, 0, 0,
                    "expected an object of file hashes at the top");
        }
        Map<UpdateId, FileVersion> newest = new LinkedHashMap<>();
        Map<UpdateId, Optional<String>> hashes = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> build : root.properties()) {
            String at = "/" + build.getKey();
            JsonNode info = build.getValue().path("fileInfo");
            if (!info.isObject() || info.path("machineType").asInt(-1) != machine) {
                continue;
            }
            Optional<FileVersion> version = version(info.path("version"), at, source);
            if (version.isEmpty()) {
                continue;
            }
            Optional<String> sha256 = Optional.of(info.path("sha256").asText(""))
                    .filter(h -> SHA256.matcher(h).matches());
            for (UpdateId kb : kbs(build.getValue().path("windowsVersions"), at, source)) {
                if (!newest.containsKey(kb) || newest.get(kb).isOlderThan(version.get())) {
                    newest.put(kb, version.get());
                    hashes.put(kb, sha256);
                }
            }
        }
        List<CatalogUpdate> updates = new ArrayList<>();
        newest.forEach((kb, v) -> updates.add(new CatalogUpdate(kb, "", List.of(),
                List.of(new ExpectedFile(path, Optional.of(v), hashes.get(kb))))));
        return new UpdateCatalog(updates);
    }

    private static Optional<FileVersion> version(JsonNode node, String at, String source) throws FormatException {
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        Matcher m = LEADING_VERSION.matcher(node.asText(""));
        if (!node.isTextual() || !m.find()) {
            throw new TextFormatException(FormatException.Kind.CORRUPT, source, 0, 0,
                    "at " + at + "/fileInfo/version: expected a version string, found " + node);
        }
        try {
            return Optional.of(FileVersion.parse(m.group(1)));
        } catch (IllegalArgumentException e) {
            throw new TextFormatException(FormatException.Kind.CORRUPT, source, 0, 0,
                    "at " + at + "/fileInfo/version: " + e.getMessage());
        }
    }

    private static List<UpdateId> kbs(JsonNode windowsVersions, String at, String source) throws FormatException {
        if (!windowsVersions.isObject()) {
            throw new TextFormatException(FormatException.Kind.CORRUPT, source, 0, 0,
                    "at " + at + "/windowsVersions: expected an object of Windows versions");
        }
        List<UpdateId> kbs = new ArrayList<>();
        for (JsonNode release : windowsVersions) {
            Iterator<String> names = release.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (KB.matcher(name).matches()) {
                    kbs.add(UpdateId.parse(name));
                }
            }
        }
        return kbs;
    }

    private static byte[] decompress(byte[] data, String source) throws IOException {
        if (data.length < 2 || (data[0] & 0xFF) != GZIP_MAGIC_0 || (data[1] & 0xFF) != GZIP_MAGIC_1) {
            return data;
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
            byte[] out = in.readNBytes(MAX_INPUT_BYTES + 1);
            if (out.length > MAX_INPUT_BYTES) {
                throw new TextFormatException(FormatException.Kind.UNSUPPORTED, source, 0, 0,
                        "decompressed record is larger than the limit of " + MAX_INPUT_BYTES + " bytes");
            }
            return out;
        }
    }
}
