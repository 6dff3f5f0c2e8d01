package dev.patchchain.cli.queue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.patchchain.cli.CliContext;
import dev.patchchain.cli.ExitCode;
import dev.patchchain.cli.UsageException;
import dev.patchchain.cli.render.Json;
import dev.patchchain.core.analysis.AnalysisResult;
import dev.patchchain.core.analysis.QueueAnalysis;
import dev.patchchain.core.chain.ChainResult;
import dev.patchchain.core.verify.SignaturePolicy;
import dev.patchchain.core.chain.Chainer;
import dev.patchchain.core.volume.VolumeState;
import dev.patchchain.platform.image.ImageVolume;
import dev.patchchain.platform.image.PeFileInspector;
import dev.patchchain.platform.registry.ApplyOptions;
import dev.patchchain.platform.registry.ApplyOutcome;
import dev.patchchain.platform.registry.QueueBackup;
import dev.patchchain.platform.registry.QueueBackupFile;
import dev.patchchain.platform.registry.SafeQueueWrite;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code patchchain queue chain}: QChain. Rewrites the queue so the newest version of every file wins and shows the
 * diff (a dry run, or a file with {@code --out}); {@code --apply} writes the registry ({@code --hive}, the
 * {@code --image}'s SYSTEM hive, or {@code --live}) through {@link SafeQueueWrite}, and {@code --undo} restores a
 * backup the same way. See {@code docs/apply.md}.
 */
@Command(name = "chain", mixinStandardHelpOptions = true,
        description = "Rewrite the queue so that for every target the newest version wins; print the diff. "
                + "Writes nothing unless --out, --out-json or --apply is given. --apply writes the registry (--hive, "
                + "the --image's SYSTEM hive, or --live) after a backup, with compare-and-swap, verification and an "
                + "audit log; --undo restores a backup. Exit 1 if the chained queue still has findings that need "
                + "attention; 3 if another program changed the queue meanwhile (nothing written). See docs/apply.md.")
final class QueueChainCommand implements Callable<Integer> {

    private final CliContext context;

    @Mixin
    private QueueInputOptions input;

    @Option(names = "--out", paramLabel = "FILE.reg",
            description = "Write the chained queue as a .reg file (UTF-16LE, as regedit writes) for `reg import`.")
    private String outReg;

    @Option(names = "--out-json", paramLabel = "FILE", description = "Write the chained queue in the JSON queue format.")
    private String outJson;

    @Option(names = "--force", description = "Overwrite an existing output file.")
    private boolean force;

    @Option(names = "--apply", description = "Write the chained queue to the registry: --hive SYSTEM, the --image's "
            + "SYSTEM hive, or --live (the running Windows; needs administrator rights).")
    private boolean apply;

    @Option(names = "--undo", arity = "0..1", fallbackValue = "", paramLabel = "BACKUP.json",
            description = "Restore the queue from a backup record (default: the newest in the backup directory for "
                    + "this registry), with compare-and-swap: refused if another program wrote the queue since.")
    private String undo;

    @Option(names = "--live", description = "With --apply or --undo: the registry of the running Windows "
            + "(HKLM, 64-bit view). Needs administrator rights.")
    private boolean live;

    @Option(names = "--backup-dir", paramLabel = "DIR", description = "With --apply or --undo: where backups and "
            + "the audit log go (default: beside the hive; %ProgramData%\\patchchain\\backups with --live).")
    private String backupDir;

    QueueChainCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        if (undo != null) {
            return undo();
        }
        if (apply) {
            return apply();
        }
        if (live || backupDir != null) {
            throw new UsageException("--live and --backup-dir go with --apply or --undo");
        }
        LoadedQueue loaded = new QueueLoader(context).load(input);
        AnalysisResult before = QueueAnalysis.analyze(loaded.queue(), loaded.volume(), loaded.rules());
        ChainResult chain = new Chainer(loaded.rules()).chain(loaded.queue(), loaded.volume(), before.boot());
        AnalysisResult after = QueueAnalysis.analyze(chain.chained(), loaded.volume(), loaded.rules());

        List<String> written = new ArrayList<>();
        QueueFileWriter writer = new QueueFileWriter(force);
        if (outReg != null) {
            Path file = context.resolve(outReg);
            writer.writeReg(file, chain.chained());
            written.add("Wrote " + file + ": import it as administrator with `reg import " + file.getFileName()
                    + "`, then reboot once.");
        }
        if (outJson != null) {
            Path file = context.resolve(outJson);
            writer.writeJson(file, chain.chained(), loaded);
            written.add("Wrote " + file + " (JSON queue format).");
        }
        if (written.isEmpty()) {
            written.add("Dry run: nothing written (--out FILE.reg or --out-json FILE writes the chained queue).");
        }
        String writtenText = String.join("\n", written);
        if (input.json()) {
            context.out().println(Json.write(ChainReport.json(loaded, chain, before, after, writtenText)));
        } else {
            context.out().print(ChainReport.text(loaded, chain, before, after, writtenText));
        }
        return (after.hasActionableFindings() ? ExitCode.FINDINGS : ExitCode.CLEAN).code();
    }

    private Integer apply() throws IOException {
        if (outReg != null || outJson != null) {
            throw new UsageException("--apply writes the registry; --out and --out-json are for the dry run");
        }
        RegistryTarget target = target();
        VolumeState volume = volume();
        ChainEdit edit = new ChainEdit(input.rules.rules(), volume, QueueLoader.pathContext(input.systemRoot));
        ApplyOptions options = target.options(context, "chain");
        ApplyOutcome outcome = new SafeQueueWrite(target.registry(), options).run(edit);
        ChainResult chain = edit.result();
        AnalysisResult before = QueueAnalysis.analyze(chain.input(), volume, input.rules.rules());
        AnalysisResult after = QueueAnalysis.analyze(chain.chained(), volume, input.rules.rules());
        String location = target.registry().location();
        LoadedQueue loaded = new LoadedQueue(chain.input(), location, volume, volumeSource(), input.rules.rules(),
                List.of(), List.of(), List::of, SignaturePolicy.IGNORED);
        String written = ApplyReport.text(location, outcome, options);
        if (input.json()) {
            ObjectNode root = ChainReport.json(loaded, chain, before, after, written);
            root.set("apply", ApplyReport.json("queue chain --apply", location, outcome, options));
            context.out().println(Json.write(root));
        } else {
            context.out().print(ChainReport.text(loaded, chain, before, after, written));
        }
        return (after.hasActionableFindings() ? ExitCode.FINDINGS : ExitCode.CLEAN).code();
    }

    private Integer undo() throws IOException {
        if (apply || outReg != null || outJson != null) {
            throw new UsageException("--undo restores a backup; it goes without --apply, --out and --out-json");
        }
        RegistryTarget target = target();
        String location = target.registry().location();
        QueueBackup backup = undo.isEmpty()
                ? QueueBackupFile.newest(target.backupDir(), location).orElseThrow(() -> new UsageException(
                        "no backup of " + location + " in " + target.backupDir() + "; give --undo BACKUP.json"))
                : QueueBackupFile.read(context.resolve(undo));
        if (!backup.location().equals(location)) {
            context.err().println("patchchain: note: " + backup.recordFile() + " was taken of " + backup.location()
                    + "; restoring it to " + location);
        }
        ApplyOptions options = target.options(context, "undo");
        ApplyOutcome outcome = new SafeQueueWrite(target.registry(), options).run(backup.restore());
        if (input.json()) {
            context.out().println(Json.write(ApplyReport.json("queue chain --undo", location, outcome, options)));
        } else {
            context.out().print(ApplyReport.text(location, outcome, options));
        }
        return ExitCode.CLEAN.code();
    }

    /** --hive (with --image as the volume), else the --image's SYSTEM hive, else --live. */
    private RegistryTarget target() throws IOException {
        QueueSourceOptions source = input.source;
        if (source != null && source.hive == null) {
            throw new UsageException("--apply and --undo write a registry: give --hive, --image or --live, not a "
                    + ".reg file, reg query output or a JSON queue");
        }
        String hive = source == null ? null : source.hive;
        String image = hive == null && !live ? input.image : null;
        return RegistryTarget.open(context, hive, image, live, input.systemRoot, backupDir);
    }

    /** File versions come from --image, else, live, from the system drive; without either they are unknown. */
    private VolumeState volume() throws IOException {
        char drive = QueueLoader.drive(input.drive);
        if (input.image != null) {
            return ImageVolume.open(context.resolve(input.image), drive, new PeFileInspector());
        }
        return live ? ImageVolume.open(Path.of(drive + ":\\"), drive, new PeFileInspector()) : VolumeState.UNKNOWN;
    }

    private String volumeSource() {
        return input.image != null ? context.resolve(input.image) + " (drive " + QueueLoader.drive(input.drive) + ":)"
                : live ? "the live drive " + QueueLoader.drive(input.drive) + ":" : "none";
    }
}
