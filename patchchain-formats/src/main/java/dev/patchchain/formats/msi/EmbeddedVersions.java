package dev.patchchain.formats.msi;

import dev.patchchain.core.version.FileVersion;
import dev.patchchain.formats.cab.CabEntry;
import dev.patchchain.formats.cab.CabLimits;
import dev.patchchain.formats.cab.CabReader;
import dev.patchchain.formats.cab.Cabinet;
import dev.patchchain.formats.io.BytesChannel;
import dev.patchchain.formats.pe.PeVersionReader;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * File versions read from the PE files in the package's embedded cabinets ({@code Media.Cabinet} = {@code #name}:
 * the stream {@code name}; its entries are named by {@code File} key), for MSIs whose {@code File.Version} is empty
 * (as {@code wixl} leaves it). External cabinets are not opened.
 */
final class EmbeddedVersions {

    /** The largest embedded cabinet read. */
    static final int MAX_CABINET_BYTES = 1 << 30;

    private EmbeddedVersions() {
    }

    static Map<String, FileVersion> read(MsiDatabase db, List<Map<String, Object>> media, List<String> warnings)
            throws IOException {
        Map<String, FileVersion> versions = new HashMap<>();
        for (Map<String, Object> row : media) {
            if (!(row.get("Cabinet") instanceof String cabinet)) {
                continue;
            }
            if (!cabinet.startsWith("#")) {
                warnings.add("cabinet " + cabinet + " is outside the package; its files' versions come from the "
                        + "Version column only");
                continue;
            }
            Optional<byte[]> bytes = db.stream(cabinet.substring(1), MAX_CABINET_BYTES);
            if (bytes.isEmpty()) {
                warnings.add("embedded cabinet " + cabinet + " is missing");
                continue;
            }
            String source = db.source() + "!" + cabinet.substring(1);
            try (Cabinet cab = CabReader.open(bytes.get(), source, CabLimits.DEFAULT)) {
                for (Map.Entry<CabEntry, byte[]> e : cab.contents(e -> true).entrySet()) {
                    peVersion(e.getValue(), source + "!" + e.getKey().name())
                            .ifPresent(v -> versions.put(e.getKey().name(), v));
                }
            }
        }
        return versions;
    }

    private static Optional<FileVersion> peVersion(byte[] bytes, String source) {
        try {
            return PeVersionReader.read(new BytesChannel(bytes), source).fileVersion();
        } catch (IOException notPe) {
            return Optional.empty();
        }
    }
}
