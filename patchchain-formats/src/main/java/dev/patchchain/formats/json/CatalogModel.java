package dev.patchchain.formats.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The update catalog's shape as Jackson binds it; meaning is given to it by {@link UpdateCatalogFormat}. */
final class CatalogModel {

    private CatalogModel() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Document(String format, Integer version, List<Update> updates) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Update(String kb, String title, List<String> supersedes, List<File> files) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record File(String path, String version, String sha256) {
    }
}
