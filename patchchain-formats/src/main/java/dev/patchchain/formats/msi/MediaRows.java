package dev.patchchain.formats.msi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A database's {@code Media} rows in the order the installer searches them, by {@code DiskId}, and the medium a file
 * is on: the first whose {@code LastSequence} reaches the file's {@code Sequence} (as Wine's
 * {@code msi_load_media_info} selects it).
 */
final class MediaRows {

    private final List<Map<String, Object>> rows;

    /** @param media the {@code Media} rows, in any order */
    MediaRows(List<Map<String, Object>> media) {
        List<Map<String, Object>> sorted = new ArrayList<>(media);
        sorted.sort(Comparator.comparingInt(r -> r.get("DiskId") instanceof Integer i ? i : Integer.MAX_VALUE));
        this.rows = List.copyOf(sorted);
    }

    /** @return the rows, by {@code DiskId} */
    List<Map<String, Object>> rows() {
        return rows;
    }

    /**
     * @param sequence a file's {@code Sequence}
     * @return the medium it is on, or empty if no {@code LastSequence} reaches it
     */
    Optional<Map<String, Object>> covering(int sequence) {
        return rows.stream().filter(r -> r.get("LastSequence") instanceof Integer last && sequence <= last).findFirst();
    }
}
