package dev.patchchain.cli.queue;

import dev.patchchain.cli.CliContext;
import dev.patchchain.cli.UsageException;
import dev.patchchain.core.path.PathContext;
import dev.patchchain.core.path.WinPath;
import dev.patchchain.core.path.WinPathException;
import dev.patchchain.core.queue.PendingQueue;
import dev.patchchain.core.verify.SignaturePolicy;
import dev.patchchain.core.volume.InMemoryVolume;
import dev.patchchain.core.volume.VolumeState;
import dev.patchchain.formats.authenticode.CatalogIndex;
import dev.patchchain.formats.authenticode.TrustStore;
import dev.patchchain.formats.json.JsonQueueDocument;
import dev.patchchain.formats.json.JsonQueueFormat;
import dev.patchchain.formats.reg.QueueRegistryView;
import dev.patchchain.formats.reg.RegFileReader;
import dev.patchchain.formats.reg.RegistryQueue;
import dev.patchchain.formats.regquery.RegQueryParser;
import dev.patchchain.formats.regquery.RegQueryResult;
import dev.patchchain.platform.image.CatRoot;
import dev.patchchain.platform.image.ImageVolume;
import dev.patchchain.platform.image.PeFileInspector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads the queue and the volume that the {@link QueueInputOptions} name; {@code verify} uses it too, with the
 * queue optional.
 */
public final class QueueLoader {

    /**
     * Whether file signers are read from the image ({@code --signatures}), and against which trust store.
     *
     * @param enabled    read signers
     * @param trustStore certificates chains must lead to, or {@code null} (chains are not validated)
     */
    public record Signatures(boolean enabled, String trustStore) {
        /** Versions only. */
        public static final Signatures NONE = new Signatures(false, null);
    }

    /** What to do when no queue source is given. */
    public enum WithoutSource {
        /** Read the image's SYSTEM hive; fail if there is no image or no hive ({@code queue} commands). */
        REQUIRE_QUEUE,
        /** Read the image's SYSTEM hive if it has one; otherwise nothing is pending ({@code verify}). */
        EMPTY_QUEUE
    }

    private final CliContext context;

    /** @param context where relative paths and standard input come from */
    public QueueLoader(CliContext context) {
        this.context = context;
    }

    /**
     * @param options the queue source and volume options of a {@code queue} command
     * @return the queue, the volume and notes
     * @throws IOException if an input cannot be read or parsed
     */
    public LoadedQueue load(QueueInputOptions options) throws IOException {
        return load(Optional.ofNullable(options.source), options.image(), options.drive, options.systemRoot,
                options.rules, options.lenient, WithoutSource.REQUIRE_QUEUE,
                new Signatures(options.signatures, options.trustStore));
    }

    /**
     * @param source     where the queue comes from, if given
     * @param imageDir   the image directory, if any
     * @param drive      the drive letter the image stands for
     * @param systemRoot what {@code \\SystemRoot} means in queue paths
     * @param rules      whose boot to simulate
     * @param lenient    read a damaged hive as far as possible
     * @param without    what no source means
     * @param signatures whether the image's files are read for their signers too
     * @return the queue and the volume
     * @throws IOException if an input cannot be read or is not valid
     */
    public LoadedQueue load(Optional<QueueSourceOptions> source, Optional<String> imageDir, char drive,
                            String systemRoot, RulesOption rules, boolean lenient, WithoutSource without,
                            Signatures signatures) throws IOException {
        PathContext pathContext = pathContext(systemRoot);
        List<String> notes = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Optional<ImageVolume> image = Optional.empty();
        SignaturePolicy policy = SignaturePolicy.IGNORED;
        if (imageDir.isPresent()) {
            Path root = context.resolve(imageDir.get());
            PeFileInspector inspector = new PeFileInspector();
            if (signatures.enabled()) {
                CatalogIndex catalogs = CatRoot.index(ImageVolume.open(root, drive(drive), inspector));
                catalogs.problems().forEach((file, problem) -> warnings.add("catalog " + file + " skipped: " + problem));
                inspector = PeFileInspector.withSignatures(trustStore(signatures), catalogs);
                policy = SignaturePolicy.required(catalogs.catalogs().size());
            } else if (signatures.trustStore() != null) {
                throw new UsageException("--trust-store is used only with --signatures");
            }
            image = Optional.of(ImageVolume.open(root, drive(drive), inspector));
        }
        PendingQueue queue;
        String queueSource;
        Optional<InMemoryVolume> describedVolume = Optional.empty();
        Optional<Path> hive = source.isPresent() && source.get().hive != null
                ? Optional.of(context.resolve(source.get().hive))
                : source.isEmpty() && image.isPresent() ? systemHive(image.get(), pathContext, without) : Optional.empty();
        if (hive.isPresent()) {
            HiveQueue read = HiveQueue.current(hive.get(), lenient, pathContext);
            queue = read.queue().queue();
            queueSource = hive.get() + ", " + read.queue().controlSet() + "\\Control\\Session Manager";
            notes.addAll(read.queue().notes());
            warnings.addAll(read.warnings());
        } else if (source.isEmpty()) {
            if (without == WithoutSource.REQUIRE_QUEUE) {
                throw new UsageException("no queue given: use --reg FILE, --reg-query FILE|-, --json-queue FILE, "
                        + "--hive SYSTEM, or --image DIR (reads the image's SYSTEM hive)");
            }
            queue = PendingQueue.empty();
            queueSource = "none";
        } else if (source.get().reg != null) {
            Path file = context.resolve(source.get().reg);
            RegistryQueue read = QueueRegistryView.read(
                    RegFileReader.read(InputBytes.file(file, RegFileReader.MAX_FILE_BYTES), file.toString()),
                    file.toString(), pathContext);
            queue = read.queue();
            queueSource = file + ", key " + read.keyPath();
            notes.addAll(read.notes());
        } else if (source.get().regQuery != null) {
            String regQuery = source.get().regQuery;
            String name = regQuery.equals("-") ? "<standard input>" : context.resolve(regQuery).toString();
            byte[] data = regQuery.equals("-")
                    ? InputBytes.stream(context.in(), name, RegQueryParser.MAX_INPUT_BYTES)
                    : InputBytes.file(context.resolve(regQuery), RegQueryParser.MAX_INPUT_BYTES);
            RegQueryResult read = RegQueryParser.parse(data, name, pathContext);
            queue = read.queue();
            queueSource = name + ", key " + read.keyPath();
            notes.addAll(read.notes());
        } else {
            Path file = context.resolve(source.get().jsonQueue);
            JsonQueueDocument document = JsonQueueFormat.read(InputBytes.file(file, JsonQueueFormat.MAX_INPUT_BYTES),
                    file.toString());
            queue = document.queue();
            queueSource = file.toString();
            describedVolume = document.volume();
        }

        if (image.isPresent()) {
            ImageVolume volume = image.get();
            if (describedVolume.isPresent()) {
                notes.add("the volume described in " + queueSource + " is ignored: --image " + volume.root() + " is used");
            }
            return new LoadedQueue(queue, queueSource, volume, volume.root() + " (drive " + volume.drive() + ":)",
                    rules.rules(), notes, warnings, volume::warnings, policy);
        }
        if (signatures.enabled() || signatures.trustStore() != null) {
            throw new UsageException("--signatures and --trust-store need --image: signatures are read from files");
        }
        Supplier<List<String>> none = List::of;
        if (describedVolume.isPresent()) {
            return new LoadedQueue(queue, queueSource, describedVolume.get(), "the volume described in " + queueSource,
                    rules.rules(), notes, warnings, none, policy);
        }
        return new LoadedQueue(queue, queueSource, VolumeState.UNKNOWN, "none", rules.rules(), notes, warnings, none,
                policy);
    }

    /**
     * The SYSTEM hive of the Windows installation on the image: {@code <system root>\System32\config\SYSTEM}.
     * Missing, it is an error when a queue is required and means "nothing pending" otherwise.
     */
    static Optional<Path> systemHive(ImageVolume image, PathContext pathContext, WithoutSource without)
            throws NoSuchFileException {
        WinPath hive = pathContext.systemRoot().resolve("System32").resolve("config").resolve("SYSTEM");
        Path file = image.resolve(hive);
        if (file == null || !Files.isRegularFile(file)) {
            if (without == WithoutSource.EMPTY_QUEUE) {
                return Optional.empty();
            }
            throw new NoSuchFileException(image.root() + ": no " + hive
                    + " in the image (give the queue with --hive, --reg, --reg-query or --json-queue, or fix --system-root)");
        }
        return Optional.of(file);
    }

    /**
     * @param signatures the options
     * @return where signature chains must lead: --trust-store, else nowhere (chains are not validated)
     */
    public TrustStore trustStore(Signatures signatures) {
        if (signatures.trustStore() == null) {
            return TrustStore.none();
        }
        Path store = context.resolve(signatures.trustStore());
        try {
            return TrustStore.load(store);
        } catch (IOException e) {
            throw new UsageException("--trust-store " + store + ": " + e.getMessage());
        }
    }

    static PathContext pathContext(String systemRoot) {
        try {
            return new PathContext(WinPath.parse(systemRoot, null));
        } catch (WinPathException e) {
            throw new UsageException("--system-root " + systemRoot + ": " + e.getMessage());
        }
    }

    static char drive(char letter) {
        if (!Character.isLetter(letter) || letter > 'z') {
            throw new UsageException("--drive " + letter + ": expected a drive letter A-Z");
        }
        return Character.toUpperCase(letter);
    }
}
