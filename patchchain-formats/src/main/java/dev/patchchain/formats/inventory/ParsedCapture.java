package dev.patchchain.formats.inventory;

import dev.patchchain.core.verify.InstalledUpdate;
import java.util.List;
import java.util.Optional;

/**
 * What one capture lists, before duplicates are merged.
 *
 * @param host     the machine's name, if the capture gives it
 * @param updates  the entries in capture order, duplicates included
 * @param warnings what was tolerated
 */
record ParsedCapture(Optional<String> host, List<InstalledUpdate> updates, List<String> warnings) {

    ParsedCapture {
        updates = List.copyOf(updates);
        warnings = List.copyOf(warnings);
    }
}
