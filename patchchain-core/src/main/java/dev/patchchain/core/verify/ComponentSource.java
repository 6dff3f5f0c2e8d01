package dev.patchchain.core.verify;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a servicing expectation comes from: the component store's directory that holds the expected file, the
 * hashes of the same file in the component's older directories (a projected file equal to one of them is
 * {@link VerifyStatus#REGRESSED}), and a verdict fixed in advance when the store itself answers (the component's
 * directory is absent: {@link VerifyStatus#MISSING}; its destination cannot be known: {@link VerifyStatus#UNVERIFIABLE}).
 *
 * <pre>{@code
 * new ComponentSource("Microsoft-Windows-Foo 6.1.7601.2 amd64", "amd64_microsoft-windows-foo_..._6.1.7601.2_none_ab",
 *         List.of(olderSha256), Optional.empty(), "newest of 2 versions");
 * }</pre>
 *
 * @param component   the component's identity as the package names it
 * @param directory   the store directory the expected file comes from (or the one that is missing)
 * @param olderSha256 SHA-256 of the same file in older versions' directories
 * @param verdict     MISSING or UNVERIFIABLE when the store alone decides, else empty
 * @param note        the evidence in words: which version, why unverifiable
 */
public record ComponentSource(String component, String directory, List<String> olderSha256,
                              Optional<VerifyStatus> verdict, String note) {

    /** Copies the list and checks the components. */
    public ComponentSource {
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(directory, "directory");
        olderSha256 = List.copyOf(olderSha256);
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(note, "note");
    }
}
