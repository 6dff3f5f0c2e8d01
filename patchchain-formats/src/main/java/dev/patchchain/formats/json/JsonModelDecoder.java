package dev.patchchain.formats.json;

import dev.patchchain.core.path.PathContext;
import dev.patchchain.core.path.WinPath;
import dev.patchchain.core.path.WinPathException;
import dev.patchchain.core.queue.MultiSz;
import dev.patchchain.core.queue.PendingQueue;
import dev.patchchain.core.queue.QueueValueName;
import dev.patchchain.core.version.FileVersion;
import dev.patchchain.core.volume.FileFacts;
import dev.patchchain.core.volume.InMemoryVolume;
import dev.patchchain.formats.FormatException;
import dev.patchchain.formats.TextFormatException;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Gives the bound {@link JsonModel} its meaning: checks every rule Jackson does not, with a JSON pointer in each error. */
final class JsonModelDecoder {

    private final String source;

    JsonModelDecoder(String source) {
        this.source = source;
    }

    JsonQueueDocument decode(JsonModel.Document doc) throws FormatException {
        if (!JsonQueueFormat.FORMAT.equals(doc.format())) {
            throw error(FormatException.Kind.NOT_THIS_FORMAT, "/format", "expected \"" + JsonQueueFormat.FORMAT + "\"");
        }
        if (doc.version() == null || doc.version() != JsonQueueFormat.VERSION) {
            throw error(FormatException.Kind.UNSUPPORTED, "/version", "expected " + JsonQueueFormat.VERSION + ", found " + doc.version());
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
            if (hex.length() % 2 != 0 || hex.length() > 2 * JsonQueueFormat.MAX_VALUE_BYTES || !isHex(hex)) {
                throw error(FormatException.Kind.CORRUPT, at + "/hex",
                        "expected an even number of hex digits, at most " + 2 * JsonQueueFormat.MAX_VALUE_BYTES);
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
            if (bytes > JsonQueueFormat.MAX_VALUE_BYTES) {
                throw error(FormatException.Kind.UNSUPPORTED, at + "/strings/" + i,
                        "value is larger than the limit of " + JsonQueueFormat.MAX_VALUE_BYTES + " bytes");
            }
        }
        return MultiSz.of(value.strings());
    }

    private InMemoryVolume volume(List<JsonModel.VolumeEntry> entries, PathContext context) throws FormatException {
        if (entries.size() > JsonQueueFormat.MAX_VOLUME_ENTRIES) {
            throw error(FormatException.Kind.UNSUPPORTED, "/volume", "more than " + JsonQueueFormat.MAX_VOLUME_ENTRIES + " entries");
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
                if (JsonModel.FILE.equals(e.type())) {
                    volume.putFile(path, facts(e, at));
                } else if (JsonModel.DIRECTORY.equals(e.type())) {
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
                    e.versionNote() == null ? FileFacts.UNKNOWN.versionNote() : e.versionNote());
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
