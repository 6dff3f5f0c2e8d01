package dev.patchchain.formats.json;

import java.util.List;

/** The package manifest's shape as Jackson binds it; meaning is given to it by {@link ManifestDecoder}. */
final class ManifestModel {

    private ManifestModel() {
    }

    record Document(String format, Integer version, String id, String engine, String replacePolicy,
                    List<File> files, List<RegistryValue> registry) {
    }

    record File(String path, String version, Boolean inUse, String onDisk) {
    }

    record RegistryValue(String key, String value, String type, String mode, List<String> data) {
    }
}
