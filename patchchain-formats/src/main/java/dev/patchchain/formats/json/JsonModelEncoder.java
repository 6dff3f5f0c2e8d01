package dev.patchchain.formats.json;

import dev.patchchain.core.path.WinPath;
import dev.patchchain.core.queue.MultiSz;
import dev.patchchain.core.queue.QueueValueName;
import dev.patchchain.core.version.FileVersion;
import dev.patchchain.core.volume.FileFacts;
import dev.patchchain.core.volume.InMemoryVolume;
import dev.patchchain.core.volume.PathState;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A {@link JsonQueueDocument} as the {@link JsonModel} Jackson writes. */
final class JsonModelEncoder {

    private JsonModelEncoder() {
    }

    static JsonModel.Document encode(JsonQueueDocument document) {
        Map<String, JsonModel.Value> values = new LinkedHashMap<>();
        for (QueueValueName name : QueueValueName.values()) {
            document.queue().encode(name).ifPresent(bytes -> values.put(name.registryName(), value(bytes)));
        }
        List<JsonModel.VolumeEntry> volume = document.volume().map(JsonModelEncoder::volume).orElse(null);
        return new JsonModel.Document(JsonQueueFormat.FORMAT, JsonQueueFormat.VERSION,
                document.systemRoot().map(WinPath::toString).orElse(null), values, volume);
    }

    /** Strings when they give back these exact bytes and are valid Unicode, hex otherwise. */
    private static JsonModel.Value value(byte[] bytes) {
        MultiSz layout = MultiSz.decode(bytes);
        List<String> strings = layout.strings();
        boolean wellFormed = layout.isTerminated() && !strings.isEmpty() && strings.get(strings.size() - 1).isEmpty()
                && strings.stream().allMatch(JsonModelEncoder::validUnicode);
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
                entries.add(new JsonModel.VolumeEntry(path, JsonModel.FILE, facts.version().map(FileVersion::toString).orElse(null),
                        facts.size() < 0 ? null : facts.size(),
                        facts.version().isPresent() || facts.versionNote().equals(FileFacts.UNKNOWN.versionNote())
                                ? null : facts.versionNote()));
            } else {
                entries.add(new JsonModel.VolumeEntry(path, JsonModel.DIRECTORY, null, null, null));
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
}
