package dev.patchchain.core.verify;

import dev.patchchain.core.boot.BootResult;
import dev.patchchain.core.boot.OperationOutcome;
import dev.patchchain.core.path.WinPath;
import dev.patchchain.core.queue.PendingOperation;
import dev.patchchain.core.version.FileVersion;
import dev.patchchain.core.volume.PathState;
import dev.patchchain.core.volume.VolumeState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Checks installed updates against the disk, as Qfecheck did, and against the disk after the pending queue runs.
 *
 * <p>Per file: the version on disk is compared with the catalog's (newer counts as current, as a later fix may
 * have replaced the file). Now and after the boot each give <em>good</em>, <em>older</em>, <em>absent</em> or
 * <em>unknown</em>; the pair gives the {@link VerifyStatus}. A file that is not good in an update superseded by an
 * installed one that also installs the path is {@link VerifyStatus#SUPERSEDED}: the replacing update answers for it.
 *
 * <pre>{@code
 * BootResult boot = new BootSimulator(BootRules.WINDOWS).run(queue, volume);
 * VerifyReport report = Verifier.verify(inventory, catalog, volume, boot);
 * report.hasRegression();
 * }</pre>
 *
 * <p>With a {@link SignaturePolicy} that requires signatures, a file current by version whose signature does not
 * validate is {@link VerifyStatus#UNSIGNED}, {@link VerifyStatus#NOT_IN_CATALOG} or
 * {@link VerifyStatus#SIGNATURE_INVALID} ({@code SignatureCheck}).
 */
public final class Verifier {

    /** What is at a path, judged against the expected version. */
    private enum Found { GOOD, OLDER, ABSENT, UNKNOWN }

    private Verifier() {
    }

    /**
     * @param inventory the installed updates; with an empty inventory every catalogued update is checked
     * @param catalog   the expected files
     * @param now       the volume now
     * @param boot      the simulated next boot of {@code now} (an empty queue gives {@code after == now})
     * @return one check per installed update
     */
    public static VerifyReport verify(HotfixInventory inventory, UpdateCatalog catalog, VolumeState now, BootResult boot) {
        return verify(inventory, catalog, now, boot, ContentDigest.NONE);
    }

    /**
     * @param inventory the installed updates; with an empty inventory every catalogued update is checked
     * @param catalog   the expected files
     * @param now       the volume now
     * @param boot      the simulated next boot of {@code now}
     * @param digest    hashes of files on {@code now}, for catalog entries with a SHA-256 and no version
     * @return one check per installed update
     */
    public static VerifyReport verify(HotfixInventory inventory, UpdateCatalog catalog, VolumeState now, BootResult boot,
                                      ContentDigest digest) {
        return verify(inventory, catalog, now, boot, digest, SignaturePolicy.IGNORED);
    }

    /**
     * @param inventory  the installed updates; with an empty inventory every catalogued update is checked
     * @param catalog    the expected files
     * @param now        the volume now; with signatures required, its files carry
     *                   {@link dev.patchchain.core.volume.SignerFacts}
     * @param boot       the simulated next boot of {@code now}
     * @param digest     hashes of files on {@code now}, for catalog entries with a SHA-256 and no version
     * @param signatures whether current files must also be validly signed
     * @return one check per installed update
     */
    public static VerifyReport verify(HotfixInventory inventory, UpdateCatalog catalog, VolumeState now, BootResult boot,
                                      ContentDigest digest, SignaturePolicy signatures) {
        List<InstalledUpdate> installed = inventory.updates().isEmpty()
                ? catalog.updates().stream().map(u -> InstalledUpdate.of(u.id(), "catalog")).toList()
                : inventory.updates();
        List<UpdateId> ids = installed.stream().map(InstalledUpdate::id).toList();
        List<UpdateCheck> checks = new ArrayList<>();
        for (InstalledUpdate update : installed) {
            checks.add(checkUpdate(update, ids, catalog, now, boot, digest, signatures));
        }
        return new VerifyReport(inventory.host(), checks);
    }

    private static UpdateCheck checkUpdate(InstalledUpdate update, List<UpdateId> installed, UpdateCatalog catalog,
                                           VolumeState now, BootResult boot, ContentDigest digest,
                                           SignaturePolicy signatures) {
        Optional<CatalogUpdate> entry = catalog.find(update.id());
        if (entry.isEmpty()) {
            return new UpdateCheck(update, VerifyStatus.UNVERIFIABLE, Optional.empty(), List.of(),
                    "not in the catalog: no expected files to check");
        }
        Optional<UpdateId> supersededBy = catalog.supersededBy(update.id()).stream().filter(installed::contains).findFirst();
        List<FileCheck> files = new ArrayList<>();
        for (ExpectedFile file : entry.get().files()) {
            FileCheck check = SignatureCheck.apply(file.version().isPresent()
                    ? checkFile(update.id(), file, now, boot)
                    : HashCheck.check(update.id(), file, now, boot, digest), signatures);
            if (supersededBy.isPresent() && check.status() != VerifyStatus.CURRENT
                    && catalog.installs(supersededBy.get(), file.path())) {
                check = new FileCheck(check.update(), file, VerifyStatus.SUPERSEDED, check.now(), check.after(),
                        check.cause(), check.detail() + "; " + supersededBy.get() + " replaces this file");
            }
            files.add(check);
        }
        if (supersededBy.isPresent()) {
            return new UpdateCheck(update, VerifyStatus.SUPERSEDED, supersededBy, files,
                    "superseded by " + supersededBy.get() + ", which is installed");
        }
        if (files.isEmpty()) {
            return new UpdateCheck(update, VerifyStatus.UNVERIFIABLE, Optional.empty(), files,
                    "the catalog lists no files for it");
        }
        VerifyStatus worst = files.stream().map(FileCheck::status).max(Comparator.naturalOrder()).orElseThrow();
        return new UpdateCheck(update, worst, Optional.empty(), files, summary(worst));
    }

    private static String summary(VerifyStatus status) {
        return switch (status) {
            case CURRENT -> "current on system";
            case CURRENT_AFTER_REBOOT -> "current after the next reboot (the pending queue installs it)";
            case SUPERSEDED -> "superseded";
            case UNVERIFIABLE -> "cannot be verified";
            case UNSIGNED -> "current by version, but unsigned";
            case NOT_IN_CATALOG -> "current by version, but not in any catalog of the image";
            case SIGNATURE_INVALID -> "current by version, but the signature does not validate";
            case MISSING -> "files missing";
            case REGRESSES_AFTER_REBOOT -> "current now, but the pending queue regresses it at the next reboot";
            case REGRESSED -> "file version mismatch: regressed";
        };
    }

    /** The verdict on one file with a catalogued version. */
    private static FileCheck checkFile(UpdateId update, ExpectedFile file, VolumeState now, BootResult boot) {
        WinPath path = file.path();
        PathState stateNow = now.stat(path);
        PathState stateAfter = boot.after().stat(path);
        Optional<OperationOutcome> cause = lastEntryOn(path, boot);
        FileVersion expected = file.version().orElseThrow();
        Found before = judge(stateNow, expected);
        Found later = judge(stateAfter, expected);
        VerifyStatus status = status(before, later);
        return new FileCheck(update, file, status, stateNow, stateAfter, cause,
                detail(status, path, expected, stateNow, stateAfter, cause));
    }

    private static VerifyStatus status(Found now, Found after) {
        if (now == Found.UNKNOWN || after == Found.UNKNOWN) {
            return VerifyStatus.UNVERIFIABLE;
        }
        return switch (after) {
            case GOOD -> now == Found.GOOD ? VerifyStatus.CURRENT : VerifyStatus.CURRENT_AFTER_REBOOT;
            case OLDER -> now == Found.GOOD ? VerifyStatus.REGRESSES_AFTER_REBOOT : VerifyStatus.REGRESSED;
            case ABSENT -> switch (now) {
                case GOOD -> VerifyStatus.REGRESSES_AFTER_REBOOT;
                case OLDER -> VerifyStatus.REGRESSED;
                default -> VerifyStatus.MISSING;
            };
            case UNKNOWN -> VerifyStatus.UNVERIFIABLE;
        };
    }

    private static Found judge(PathState state, FileVersion expected) {
        if (state instanceof PathState.File f) {
            return f.facts().version().map(v -> v.isOlderThan(expected) ? Found.OLDER : Found.GOOD).orElse(Found.UNKNOWN);
        }
        return state instanceof PathState.Unknown ? Found.UNKNOWN : Found.ABSENT;
    }

    private static String detail(VerifyStatus status, WinPath path, FileVersion expected, PathState now,
                                 PathState after, Optional<OperationOutcome> cause) {
        String found = "expected " + expected + ", found " + describe(now);
        String queued = cause.map(c -> ", after reboot " + describe(after) + " (queue entry #" + c.index() + ": "
                + c.status() + ")").orElse("");
        return switch (status) {
            case CURRENT -> "current: " + path + " " + describe(now);
            case CURRENT_AFTER_REBOOT -> "current after reboot: " + path + " " + found + queued;
            case REGRESSED -> "file version mismatch: " + path + " " + found + queued;
            case REGRESSES_AFTER_REBOOT -> "regresses after reboot: " + path + " " + found + queued;
            case MISSING -> "file missing: " + path + " " + found;
            case UNVERIFIABLE -> "cannot verify " + path + ": now " + describe(now) + ", after reboot " + describe(after);
            default -> throw new IllegalStateException(status + " is not a verdict on a version");
        };
    }

    /**
     * @param state what is at a path
     * @return a few words for a report: a version, {@code "absent"}, {@code "no version (...)"}, {@code "unknown"}
     */
    public static String describe(PathState state) {
        if (state instanceof PathState.File f) {
            return f.facts().version().map(FileVersion::toString).orElse("no version (" + f.facts().versionNote() + ")");
        }
        if (state instanceof PathState.Directory) {
            return "a directory";
        }
        return state instanceof PathState.Unknown ? "unknown (no image)" : "absent";
    }

    /**
     * @param path a path
     * @param boot a simulated boot
     * @return the last queue entry that names the path as its source or its target, applied or not
     */
    static Optional<OperationOutcome> lastEntryOn(WinPath path, BootResult boot) {
        OperationOutcome last = null;
        for (OperationOutcome outcome : boot.outcomes()) {
            PendingOperation op = outcome.operation();
            boolean touches = path.equals(op.sourcePath())
                    || op instanceof PendingOperation.Rename r && path.equals(r.target());
            if (touches) {
                last = outcome;
            }
        }
        return Optional.ofNullable(last);
    }
}
