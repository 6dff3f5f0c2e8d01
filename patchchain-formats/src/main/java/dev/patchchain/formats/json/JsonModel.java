package dev.patchchain.formats.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/** The document's shape as Jackson binds it; meaning is given to it by {@link JsonQueueFormat}. */
final class JsonModel {

    /** {@code volume[].type} of a file. */
    static final String FILE = "file";
    /** {@code volume[].type} of a directory. */
    static final String DIRECTORY = "directory";

    private JsonModel() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Document(String format, Integer version, String systemRoot, Map<String, Value> values,
                    List<VolumeEntry> volume) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Value(List<String> strings, String hex) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record VolumeEntry(String path, String type, String version, Long size, String versionNote) {
    }
}
