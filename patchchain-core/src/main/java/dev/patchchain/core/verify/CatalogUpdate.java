package dev.patchchain.core.verify;

import java.util.List;
import java.util.Objects;

/**
 * One update in a catalog: the updates it replaces and the files it installs.
 *
 * @param id         the update
 * @param title      a human title, or empty
 * @param supersedes the updates this one replaces
 * @param files      the files it installs
 */
public record CatalogUpdate(UpdateId id, String title, List<UpdateId> supersedes, List<ExpectedFile> files) {

    /** Copies the lists and checks the components. */
    public CatalogUpdate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        supersedes = List.copyOf(supersedes);
        files = List.copyOf(files);
    }
}
