package dev.patchchain.formats.wim;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One image of a WIM: its files and directories, parents before their children, the root left out.
 *
 * <pre>{@code
 * WimImage image = wim.image(1);
 * image.find("update.mum").map(wim::contents);
 * }</pre>
 *
 * @param index   the image's 1-based index
 * @param entries its files and directories
 */
public record WimImage(int index, List<WimEntry> entries) {

    /** Copies the list. */
    public WimImage {
        entries = List.copyOf(entries);
    }

    /**
     * @param path a path from the root, {@code \}-separated, compared ignoring case as Windows does
     * @return the first entry of that path
     */
    public Optional<WimEntry> find(String path) {
        String wanted = path.toLowerCase(Locale.ROOT);
        return entries.stream().filter(e -> e.path().toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }
}
