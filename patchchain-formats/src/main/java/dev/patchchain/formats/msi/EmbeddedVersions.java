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
 * the stream {@code name}; its entries are named by {@code File} key), for files whose {@code File.Version} is empty
 * (as {@code wixl} leaves it). A file's cabinet is that of its medium ({@link MediaRows#covering}; a patch adds a
 * row for its own cabinet); a file without a sequence, or whose medium is not found or has no cabinet, is looked for
 * in every embedded cabinet. Each cabinet is read once, when first needed; external cabinets are not opened.
 */
final class EmbeddedVersions {

    /** The largest embedded cabinet read. */
    static final int MAX_CABINET_BYTES = 1 << 30;

    private final MsiStreams streams;
    private final String source;
    private final MediaRows media;
    private final List<String> warnings;
    private final Map<String, Map<String, FileVersion>> cabinets = new HashMap<>();

    /**
     * @param streams  where the cabinets are
     * @param source   the package's name, for messages
     * @param media    the {@code Media} rows
     * @param warnings receives what could not be read
     */
    EmbeddedVersions(MsiStreams streams, String source, MediaRows media, List<String> warnings) {
        this.streams = streams;
        this.source = source;
        this.media = media;
        this.warnings = warnings;
    }

    /**
     * @param fileKey  the {@code File} key
     * @param sequence its {@code File.Sequence}, if any
     * @return the PE version of its entry in its cabinet (any cabinet, without a sequence)
     * @throws IOException if a cabinet cannot be read
     */
    Optional<FileVersion> version(String fileKey, Integer sequence) throws IOException {
        Optional<Object> cabinet = sequence == null ? Optional.empty()
                : media.covering(sequence).map(row -> row.get("Cabinet"));
        if (cabinet.isPresent() && cabinet.get() instanceof String c) {
            return Optional.ofNullable(cabinet(c).get(fileKey));
        }
        for (Map<String, Object> row : media.rows()) {
            if (row.get("Cabinet") instanceof String c && cabinet(c).containsKey(fileKey)) {
                return Optional.of(cabinet(c).get(fileKey));
            }
        }
        return Optional.empty();
    }

    private Map<String, FileVersion> cabinet(String cabinet) throws IOException {
        Map<String, FileVersion> known = cabinets.get(cabinet);
        if (known != null) {
            return known;
        }
        Map<String, FileVersion> versions = new HashMap<>();
        cabinets.put(cabinet, versions);
        if (!cabinet.startsWith("#")) {
            warnings.add("cabinet " + cabinet + " is outside the package; its files' versions come from the "
                    + "Version column only");
            return versions;
        }
        Optional<byte[]> bytes = streams.stream(cabinet.substring(1), MAX_CABINET_BYTES);
        if (bytes.isEmpty()) {
            warnings.add("embedded cabinet " + cabinet + " is missing");
            return versions;
        }
        String where = source + "!" + cabinet.substring(1);
        try (Cabinet cab = CabReader.open(bytes.get(), where, CabLimits.DEFAULT)) {
            for (Map.Entry<CabEntry, byte[]> e : cab.contents(e -> true).entrySet()) {
                peVersion(e.getValue(), where + "!" + e.getKey().name())
                        .ifPresent(v -> versions.put(e.getKey().name(), v));
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
