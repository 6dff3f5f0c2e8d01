package dev.patchchain.core.verify;

import dev.patchchain.core.boot.BootResult;
import dev.patchchain.core.boot.OperationOutcome;
import dev.patchchain.core.path.WinPath;
import dev.patchchain.core.queue.PendingOperation;
import dev.patchchain.core.volume.PathState;
import dev.patchchain.core.volume.VolumeState;
import java.util.List;
import java.util.Optional;

/**
 * The verdict on a file the catalog lists with a SHA-256 and no version. The file at the path after the boot is
 * traced back through the applied renames to the file on disk now that becomes it, and that one is hashed.
 * A match is current (after the boot too, or only after it); absent now and after is missing; a match the queue
 * removes regresses after reboot; a different content is {@link VerifyStatus#UNVERIFIABLE}, because without a
 * version nothing says whether it is older or newer, unless the component store knows it as an older version's
 * file ({@link ComponentSource#olderSha256()}): then it is older, and the verdict is regressed (or regresses after
 * reboot) as for versions. A verdict the store fixed in advance ({@link ComponentSource#verdict()}) is taken as is.
 */
final class HashCheck {

    /** What a path holds, as far as its hash goes. */
    private enum Content { MATCH, OLDER, DIFFERENT, ABSENT, UNKNOWN }

    private HashCheck() {
    }

    static FileCheck check(UpdateId update, ExpectedFile file, VolumeState now, BootResult boot, ContentDigest digest) {
        WinPath path = file.path();
        PathState stateNow = now.stat(path);
        PathState stateAfter = boot.after().stat(path);
        Optional<OperationOutcome> cause = Verifier.lastEntryOn(path, boot);
        String evidence = file.component().map(c -> " [component " + c.component() + ", WinSxS\\" + c.directory()
                + ": " + c.note() + "]").orElse("");
        Optional<VerifyStatus> fixed = file.component().flatMap(ComponentSource::verdict);
        if (fixed.isPresent()) {
            return new FileCheck(update, file, fixed.get(), stateNow, stateAfter, cause,
                    (fixed.get() == VerifyStatus.MISSING ? "component missing: " : "cannot verify ") + path + evidence);
        }
        if (file.sha256().isEmpty()) {
            return new FileCheck(update, file, VerifyStatus.UNVERIFIABLE, stateNow, stateAfter, cause,
                    "the catalog gives neither a version nor a hash for " + path);
        }
        String expected = file.sha256().get();
        List<String> older = file.component().map(ComponentSource::olderSha256).orElse(List.of());
        Content before = content(stateNow, Optional.of(path), digest, expected, older);
        Optional<WinPath> afterOrigin = origin(path, boot.outcomes(), boot.outcomes().size());
        Content after = content(stateAfter, afterOrigin, digest, expected, older);
        VerifyStatus status;
        if (before == Content.UNKNOWN || after == Content.UNKNOWN) {
            status = VerifyStatus.UNVERIFIABLE;
        } else if (after == Content.MATCH) {
            status = before == Content.MATCH ? VerifyStatus.CURRENT : VerifyStatus.CURRENT_AFTER_REBOOT;
        } else if (after == Content.ABSENT && before == Content.ABSENT) {
            status = VerifyStatus.MISSING;
        } else if ((after == Content.ABSENT || after == Content.OLDER) && before == Content.MATCH) {
            status = VerifyStatus.REGRESSES_AFTER_REBOOT;
        } else if (after == Content.OLDER || after == Content.ABSENT && before == Content.OLDER) {
            status = VerifyStatus.REGRESSED;
        } else {
            status = VerifyStatus.UNVERIFIABLE;
        }
        String detail = switch (status) {
            case CURRENT -> "current: " + path + " has the catalogued SHA-256";
            case CURRENT_AFTER_REBOOT -> "current after reboot: " + path + " gets the catalogued SHA-256"
                    + cause.map(c -> " (queue entry #" + c.index() + ": " + c.status() + ")").orElse("");
            case MISSING -> "file missing: " + path;
            case REGRESSES_AFTER_REBOOT -> "regresses after reboot: the queue "
                    + (after == Content.OLDER ? "puts an older version's content at " : "deletes or moves away ") + path
                    + cause.map(c -> " (queue entry #" + c.index() + ": " + c.status() + ")").orElse("");
            case REGRESSED -> "file content mismatch: " + path + " now " + describe(before) + ", after reboot "
                    + describe(after) + cause.map(c -> " (queue entry #" + c.index() + ": " + c.status() + ")").orElse("");
            default -> "cannot verify " + path + " by hash: now " + describe(before) + ", after reboot " + describe(after);
        } + found(after, afterOrigin, digest, expected) + evidence;
        return new FileCheck(update, file, status, stateNow, stateAfter, cause, detail);
    }

    /** For a content that is not the expected one: both hashes, the evidence of the verdict. */
    private static String found(Content after, Optional<WinPath> origin, ContentDigest digest, String expected) {
        if (after != Content.OLDER && after != Content.DIFFERENT) {
            return "";
        }
        return "; expected SHA-256 " + expected + ", found after reboot "
                + origin.flatMap(digest::sha256).orElse("(unreadable)");
    }

    private static Content content(PathState state, Optional<WinPath> origin, ContentDigest digest, String expected,
                                   List<String> older) {
        if (state instanceof PathState.Unknown) {
            return Content.UNKNOWN;
        }
        if (!(state instanceof PathState.File)) {
            return Content.ABSENT;
        }
        Optional<String> hash = origin.flatMap(digest::sha256);
        if (hash.isEmpty()) {
            return Content.UNKNOWN;
        }
        if (hash.get().equals(expected)) {
            return Content.MATCH;
        }
        return older.contains(hash.get()) ? Content.OLDER : Content.DIFFERENT;
    }

    /**
     * Which file on disk now ends up at {@code path} after the first {@code end} outcomes: the source of the last
     * applied rename onto it, traced back the same way; the path itself if nothing was renamed onto it.
     */
    private static Optional<WinPath> origin(WinPath path, List<OperationOutcome> outcomes, int end) {
        WinPath current = path;
        int before = end;
        boolean traced = true;
        while (traced) {
            traced = false;
            for (int i = before - 1; i >= 0; i--) {
                OperationOutcome outcome = outcomes.get(i);
                if (outcome.status().applied() && outcome.operation() instanceof PendingOperation.Rename r
                        && r.target().equals(current) && !r.source().equals(current)) {
                    current = r.source();
                    before = i;
                    traced = true;
                    break;
                }
            }
        }
        return Optional.of(current);
    }

    private static String describe(Content content) {
        return switch (content) {
            case MATCH -> "the catalogued content";
            case OLDER -> "an older version's content";
            case DIFFERENT -> "a different content (no version to order them)";
            case ABSENT -> "absent";
            case UNKNOWN -> "unknown";
        };
    }
}
